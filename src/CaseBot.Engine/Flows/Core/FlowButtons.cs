namespace CaseBot.Engine.Flows;

/// <summary>The data of the buttons every flow shares (kept short: Telegram allows 64 bytes).</summary>
public static class FlowButtons
{
    public const string Confirm = "#ok";
    public const string Edit = "#ubah";
    public const string Cancel = "#batal";
    public const string Back = "#kembali";
    public const string Skip = "#lewati";
    public const string FieldPrefix = "#f:";
}
