namespace CaseBot.Domain.Configuration;

/// <summary>Host-level settings bound from the "CaseBot" section of config/casebot.json and the environment.</summary>
public sealed class CaseBotOptions
{
    public const string Section = "CaseBot";

    /// <summary>The department's name as shown to users, e.g. "Dinas Sosial Kabupaten Luwu Timur".</summary>
    public string DepartmentName { get; set; } = "Dinas Sosial";

    /// <summary>Admins, as "channel:userId" (e.g. "telegram:123456789", "terminal:1"). Admins are approved automatically.</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>Where config/*.json live; relative paths are resolved against the app base directory.</summary>
    public string ConfigDirectory { get; set; } = "config";

    /// <summary>How many open events the event picker offers (channels page them; typing a kecamatan, desa or number searches them).</summary>
    public int RecentEventsOffered { get; set; } = 30;

    /// <summary>Days an event stays offered for updates after its last report.</summary>
    public int OpenEventDays { get; set; } = 30;

    /// <summary>After a restart, users whose flow was left within this many hours get their pending question again at once.</summary>
    public int ResumeWithinHours { get; set; } = 24;

    /// <summary>Upper bound on free text a user may send (longer input is refused politely).</summary>
    public int MaxTextLength { get; set; } = 1000;

    /// <summary>Flood limit: at most this many messages from one user per <see cref="FloodWindowSeconds"/> (0 = no limit).</summary>
    public int FloodMessages { get; set; } = 20;

    public int FloodWindowSeconds { get; set; } = 10;

    /// <summary>Channels without a flood limit: the local terminal is the operator at the console (a piped script).</summary>
    public List<string> FloodExemptChannels { get; set; } = [];

    /// <summary>The largest figure each count question accepts.</summary>
    public CountLimits CountLimits { get; set; } = new();

    /// <summary>Who checks reports before their figures are signed, and whether unchecked figures count.</summary>
    public VerificationOptions Verification { get; set; } = new();

    /// <summary>The stored outbox and what is pruned when.</summary>
    public OutboxOptions Outbox { get; set; } = new();

    /// <summary>Reminders of unfinished flows, silent kecamatan and stale events, and the quiet hours they keep.</summary>
    public ReminderOptions Reminders { get; set; } = new();

    /// <summary>Alerts to volunteers (/siaga).</summary>
    public AlertOptions Alerts { get; set; } = new();
}

public sealed class AlertOptions
{
    /// <summary>The sender gets the final delivery report once every message is out and everyone answered, or this many
    /// minutes after sending, whichever comes first.</summary>
    public int ReportAfterMinutes { get; set; } = 120;

    /// <summary>While answers come in, the sender gets the tally unasked at most this often (0 = only when asked).</summary>
    public int TallyEveryMinutes { get; set; } = 10;
}

public sealed class VerificationOptions
{
    /// <summary>
    /// False (the default): capaian, summaries and exports lead with verified figures and show the provisional ones
    /// beside them. True: unverified reports count in the leading figure (for a department that does not verify yet).
    /// </summary>
    public bool CountUnverified { get; set; }

    /// <summary>Roles that may verify reports of their own area (admins may verify everywhere); empty: ["Petugas"].
    /// (Lists start empty: the configuration binder appends to a list that has items.)</summary>
    public List<Entities.ReporterRole> Verifiers { get; set; } = [];

    public IReadOnlyList<Entities.ReporterRole> VerifierRoles => Verifiers.Count > 0 ? Verifiers : [Entities.ReporterRole.Petugas];

    /// <summary>Whether a verifier may verify a report they made themselves (four eyes by default: no).</summary>
    public bool VerifyOwnReports { get; set; }

    /// <summary>Whether the area's verifiers get a notice with the verify button for every new report or update.</summary>
    public bool NotifyVerifiers { get; set; } = true;

    /// <summary>Reasons offered as buttons when a report is returned (any other reason can be typed); empty: the four below.</summary>
    public List<string> ReturnReasons { get; set; } = [];

    public IReadOnlyList<string> Reasons => ReturnReasons.Count > 0
        ? ReturnReasons
        : ["Angka tidak sesuai data posko", "Lokasi atau wilayah salah", "Laporan ganda", "Data belum lengkap"];
}
