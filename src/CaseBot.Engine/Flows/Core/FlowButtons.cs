namespace CaseBot.Engine.Flows;

/// <summary>The data of the buttons every flow shares (kept short: Telegram allows 64 bytes).</summary>
public static class FlowButtons
{
    public const string Confirm = "#ok";
    public const string Edit = "#ubah";
    public const string Cancel = "#batal";
    public const string Back = "#kembali";
    public const string Skip = "#lewati";
    /// <summary>"Lanjutkan" under a reminder: the pending question again.</summary>
    public const string Resume = "#lanjut";
    public const string FieldPrefix = "#f:";
}
