using CaseBot.Tests.Configuration;

namespace CaseBot.Tests.Reminders;

/// <summary>CaseBot:Reminders is checked at start like every other setting.</summary>
public sealed class ReminderConfigTests
{
    private static string? Error(Action<System.Text.Json.Nodes.JsonNode> edit) =>
        new BrokenConfig().Edit("casebot.json", r => edit(r["CaseBot"]!["Reminders"]!)).Start()?.Message;

    [Fact]
    public void A_draft_that_would_expire_before_its_reminder_is_refused()
    {
        var error = Error(r => r["DraftExpiryHours"] = 1);
        Assert.Contains("$.CaseBot.Reminders.DraftExpiryHours: harus lebih dari DraftReminderHours (2)", error);
    }

    [Fact]
    public void A_quiet_hour_that_is_no_clock_time_is_refused()
    {
        var error = Error(r => r["QuietStart"] = "25:00");
        Assert.Contains("$.CaseBot.Reminders.QuietStart", error);
    }
}
