using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>
/// A kind of report, declared by the flow that creates it: its number prefix, how /status and /laporanku show a saved
/// one, which flow /ubah starts for it, and the key of its export sheet (the sheet itself lives in Reporting).
/// </summary>
public abstract class ReportKind
{
    /// <summary>"BC": the first part of its numbers.</summary>
    public abstract string Prefix { get; }
    /// <summary>"laporan bencana".</summary>
    public abstract string Title { get; }
    /// <summary>The flow /ubah &lt;number&gt; starts; null when a saved report of this kind cannot be changed.</summary>
    public virtual string? UpdateFlow => null;
    /// <summary>Why /ubah cannot change it, when <see cref="UpdateFlow"/> is null.</summary>
    public virtual string NotUpdatable => $"{char.ToUpperInvariant(Title[0])}{Title[1..]} tidak bisa diubah setelah disimpan. " +
                                          "Bila ada kekeliruan, hubungi petugas dinas.";
    /// <summary>How its reports are verified before their figures are signed; null when they need no verification.</summary>
    public virtual Verification.ReportVerification? Verification => null;
    /// <summary>The export sheet's key (/ekspor &lt;key&gt;).</summary>
    public abstract string ExportKey { get; }

    /// <summary>For /status: the report in full, or null when it does not exist in that year or the viewer may not see it.</summary>
    public abstract Task<Reply?> ShowAsync(FlowSession session, int id, int year);

    /// <summary>For /laporanku: the reporter's newest reports of this kind.</summary>
    public abstract Task<IReadOnlyList<ReportLine>> RecentByAsync(FlowSession session, int reporterId, int take);
}

/// <summary>A line of /laporanku.</summary>
public sealed record ReportLine(string Number, string Text, DateTimeOffset At);
