using System.Text.RegularExpressions;
using CaseBot.Channels.Telegram;
using CaseBot.Channels.WhatsApp;
using CaseBot.Domain.Configuration;
using CaseBot.Reporting.Monthly;
using CaseBot.Reporting.Summary;
using CaseBot.Storage;

namespace CaseBot.Host.ConfigCheck;

/// <summary>
/// The settings (casebot.json, with environment and arguments over it) bound as the host binds them, and checked:
/// limits, schedules and zones that would otherwise fail later (a cron every minute after a good start) or quietly
/// do nothing (a negative flood limit).
/// </summary>
public static partial class OptionChecks
{
    public static void Check(IConfiguration configuration, RegionCatalog regions, FileProblems problems)
    {
        if (Bind<CaseBotOptions>(configuration, CaseBotOptions.Section, problems) is { } bot) Bot(bot, problems);
        if (Bind<SummaryOptions>(configuration, SummaryOptions.Section, problems) is { } summary) Summary(summary, regions, problems);
        if (Bind<MonthlyReportOptions>(configuration, MonthlyReportOptions.Section, problems) is { } monthly
            && !TimeOnly.TryParseExact(monthly.Time, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            problems.Add("$.CaseBot.MonthlyReport.Time", $"\"{monthly.Time}\" bukan jam HH:mm, contoh 08:00");
        if (Bind<StorageOptions>(configuration, StorageOptions.Section, problems) is { } storage) Storage(storage, problems);
        if (Bind<TelegramOptions>(configuration, TelegramOptions.Section, problems) is { } telegram)
        {
            ValueChecks.AtLeast(problems, "$.CaseBot.Telegram.MaxBodyKilobytes", telegram.MaxBodyKilobytes, 1);
            ValueChecks.AtLeast(problems, "$.CaseBot.Telegram.ButtonsPerPage", telegram.ButtonsPerPage, 1);
            ValueChecks.AtLeast(problems, "$.CaseBot.Telegram.Workers", telegram.Workers, 1);
        }
        if (Bind<WhatsAppOptions>(configuration, WhatsAppOptions.Section, problems) is { } whatsApp)
            ValueChecks.AtLeast(problems, "$.CaseBot.WhatsApp.MaxBodyKilobytes", whatsApp.MaxBodyKilobytes, 1);
    }

    private static void Bot(CaseBotOptions o, FileProblems problems)
    {
        for (var i = 0; i < o.Admins.Count; i++)
            if (AdminProblem(o.Admins[i]) is { } problem) problems.Add($"$.CaseBot.Admins[{i}]", $"\"{o.Admins[i]}\" {problem}");
        ValueChecks.AtLeast(problems, "$.CaseBot.RecentEventsOffered", o.RecentEventsOffered, 1);
        ValueChecks.AtLeast(problems, "$.CaseBot.OpenEventDays", o.OpenEventDays, 1);
        ValueChecks.AtLeast(problems, "$.CaseBot.ResumeWithinHours", o.ResumeWithinHours, 0);
        ValueChecks.AtLeast(problems, "$.CaseBot.MaxTextLength", o.MaxTextLength, 1);
        ValueChecks.AtLeast(problems, "$.CaseBot.FloodMessages", o.FloodMessages, 0);
        ValueChecks.AtLeast(problems, "$.CaseBot.FloodWindowSeconds", o.FloodWindowSeconds, 1);
        ValueChecks.AtLeast(problems, "$.CaseBot.CountLimits.Default", o.CountLimits.Default, 1);
        Reminders(o.Reminders, problems);
        foreach (var (key, max) in o.CountLimits.Fields)
        {
            var at = FileProblems.Member("$.CaseBot.CountLimits.Fields", key);
            if (!CountQuestions.Keys.Contains(key))
                problems.Add(at, $"pertanyaan \"{key}\" tidak ada (yang ada: {string.Join(", ", CountQuestions.Keys.Order())})");
            ValueChecks.AtLeast(problems, at, max, 1);
        }
    }

    private static void Reminders(ReminderOptions r, FileProblems problems)
    {
        ValueChecks.AtLeast(problems, "$.CaseBot.Reminders.CheckMinutes", r.CheckMinutes, 1);
        ValueChecks.AtLeast(problems, "$.CaseBot.Reminders.DraftReminderHours", r.DraftReminderHours, 0);
        ValueChecks.AtLeast(problems, "$.CaseBot.Reminders.DraftExpiryHours", r.DraftExpiryHours, 0);
        ValueChecks.AtLeast(problems, "$.CaseBot.Reminders.SilentTkskDays", r.SilentTkskDays, 0);
        ValueChecks.AtLeast(problems, "$.CaseBot.Reminders.StaleEventDays", r.StaleEventDays, 0);
        // A draft that expires before its reminder would end without the user ever being reminded.
        if (r is { DraftReminderHours: > 0, DraftExpiryHours: > 0 } && r.DraftExpiryHours <= r.DraftReminderHours)
            problems.Add("$.CaseBot.Reminders.DraftExpiryHours", $"harus lebih dari DraftReminderHours ({r.DraftReminderHours})");
        foreach (var (name, value) in new[] { ("QuietStart", r.QuietStart), ("QuietEnd", r.QuietEnd) })
            if (!ReminderOptions.TryParseTime(value, out _))
                problems.Add($"$.CaseBot.Reminders.{name}", $"\"{value}\" bukan jam berbentuk HH:mm (contoh 21:00)");
    }

    /// <summary>"channel:id"; Telegram ids are numbers, WhatsApp ids numbers in international form.</summary>
    private static string? AdminProblem(string admin)
    {
        var parts = admin.Split(':', 2);
        if (parts.Length != 2 || !ChannelName().IsMatch(parts[0]) || parts[1].Trim().Length == 0)
            return "harus berbentuk saluran:id, contoh telegram:123456789 atau whatsapp:+6281234567890";
        return parts[0] switch
        {
            "telegram" when !long.TryParse(parts[1], out _) => "bukan id Telegram (angka, contoh telegram:123456789)",
            "whatsapp" when !WhatsAppNumber().IsMatch(parts[1]) => "bukan nomor WhatsApp (contoh whatsapp:+6281234567890)",
            _ => null,
        };
    }

    private static void Summary(SummaryOptions o, RegionCatalog regions, FileProblems problems)
    {
        ValueChecks.Cron(problems, "$.CaseBot.Summary.Schedule", o.Schedule);
        ValueChecks.TimeZone(problems, "$.CaseBot.Summary.TimeZone", o.TimeZone);
        ValueChecks.AtLeast(problems, "$.CaseBot.Summary.SilentDays", o.SilentDays, 1);
        if (o.DefaultArea is { Length: > 0 } area && regions.Find(area) is null)
            problems.Add("$.CaseBot.Summary.DefaultArea", $"wilayah \"{area}\" tidak ada di regions.json");
    }

    private static void Storage(StorageOptions o, FileProblems problems)
    {
        if (!o.IsSqlite && !o.IsPostgres) problems.Add("$.CaseBot.Storage.Provider", $"\"{o.Provider}\" bukan Sqlite atau Postgres");
        if (string.IsNullOrWhiteSpace(o.ConnectionString)) problems.Add("$.CaseBot.Storage.ConnectionString", "wajib diisi");
        ValueChecks.Cron(problems, "$.CaseBot.Storage.Backup.Schedule", o.Backup.Schedule);
        ValueChecks.TimeZone(problems, "$.CaseBot.Storage.Backup.TimeZone", o.Backup.TimeZone, emptyAllowed: true);
        ValueChecks.AtLeast(problems, "$.CaseBot.Storage.Backup.KeepDays", o.Backup.KeepDays, 1);
    }

    /// <summary>Binds a section; a value of the wrong kind ("FloodMessages": "banyak") is a problem at its path.</summary>
    private static T? Bind<T>(IConfiguration configuration, string section, FileProblems problems) where T : class, new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            var key = BinderKey().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : section;
            problems.Add(JsonPath(key), $"nilai \"{configuration[key]}\" tidak sesuai jenisnya");
            return null;
        }
    }

    /// <summary>"CaseBot:Admins:0" → "$.CaseBot.Admins[0]".</summary>
    private static string JsonPath(string key) =>
        key.Split(':').Aggregate("$", (path, part) => int.TryParse(part, out var i) ? $"{path}[{i}]" : FileProblems.Member(path, part));

    [GeneratedRegex("at '([^']+)'")]
    private static partial Regex BinderKey();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ChannelName();

    [GeneratedRegex(@"^\+?[1-9][0-9]{6,14}$")]
    private static partial Regex WhatsAppNumber();
}
