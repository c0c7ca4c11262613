using CaseBot.Tests.Support;
using CaseBot.Tests.WhatsApp;

namespace CaseBot.Tests.Deployment;

/// <summary>A whole registration and PPKS report through a real process, logging at debug: the log never holds the
/// NIK, the person's or the reporter's name, the access token or the app secret.</summary>
[Collection(SerialProcesses.Name)]
public sealed class LogPrivacyTests
{
    private const string Nik = "7324010101500001", Person = "Hasnah Binti Laco", Reporter = "Siti Aminah Rahmat", Phone = "6281200000002";

    [Fact]
    public async Task The_log_of_a_full_report_holds_no_nik_names_or_secrets()
    {
        await using var graph = await FakeGraphApi.StartAsync();
        var settings = SignedWhatsApp.Settings(graph);
        settings["CaseBot__Admins__0"] = $"whatsapp:+{Phone}"; // approved at once
        settings["Logging__LogLevel__Default"] = "Debug";
        settings["Logging__LogLevel__CaseBot"] = "Debug";
        settings["Logging__LogLevel__Microsoft"] = "Information";
        settings["Logging__Console__LogToStandardErrorThreshold"] = "Trace"; // all of the log on stderr, where it is read
        using var bot = await WebhookProcess.StartAsync(settings);
        var user = new SignedWhatsApp(bot.Http, graph, Phone);
        foreach (var a in new[] { "/daftar", Reporter, "Tagana", "Luwu Timur", "Malili", "simpan" })
            await user.SayAsync(a);
        foreach (var a in new[] { "/ppks", "Lanjut usia terlantar", Person, Nik, "Malili", "Lampia", "Perempuan", "70", "Tinggal sendiri",
                     "Permakanan", "ditangani" })
            await user.SayAsync(a);
        Assert.Contains("PK-", await user.SayAsync("simpan"));

        var log = string.Join('\n', bot.Log);
        Assert.True(bot.Log.Count > 10, "too little was logged to prove anything");
        foreach (var secret in new[] { Nik, Person, Reporter, "token-uji-rahasia", WhatsAppBotUnderTest.AppSecret })
            Assert.False(log.Contains(secret, StringComparison.OrdinalIgnoreCase), $"the log holds \"{secret}\"");
    }
}
