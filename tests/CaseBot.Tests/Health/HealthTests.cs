using System.Net;
using CaseBot.Tests.Support;

namespace CaseBot.Tests.Health;

/// <summary>/healthz and /readyz on CaseBot:Http:Urls in every mode, and `casebot status` saying the same.</summary>
[Collection(SerialProcesses.Name)]
public sealed class HealthTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private static async Task<HttpResponseMessage> WaitForAnswerAsync(HttpClient http, string path)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                return await http.GetAsync(path);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100); // not listening yet
            }
        }
    }

    [Fact]
    public async Task A_terminal_bot_with_an_http_url_answers_health_and_readiness_and_status_says_the_same()
    {
        await using var database = TestDatabase.Create(StorageKind.Sqlite);
        var url = $"http://127.0.0.1:{Loopback.FreePort()}";
        using var bot = BotProcess.Start(database, "1", database.Folder, new Dictionary<string, string> { ["CaseBot__Http__Urls"] = url });
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        var live = await WaitForAnswerAsync(http, "/healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await WaitForAnswerAsync(http, "/readyz");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"database\"", body);
        Assert.Contains("migrations applied", body);

        var status = await CasebotProcess.RunAsync(["status"], new Dictionary<string, string> { ["CaseBot__Http__Urls"] = url });
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("migrations applied", status.Output);
    }

    [Fact]
    public async Task Metrics_count_messages_replies_and_flows_for_prometheus_without_any_user_data()
    {
        await using var database = TestDatabase.Create(StorageKind.Sqlite);
        var url = $"http://127.0.0.1:{Loopback.FreePort()}";
        using var bot = BotProcess.Start(database, "1", database.Folder, new Dictionary<string, string> { ["CaseBot__Http__Urls"] = url });
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        Assert.NotNull(await bot.NextReplyAsync(StartTimeout)); // the greeting prompt
        foreach (var line in new[] { "/daftar", "Andi Admin", "Petugas Dinas", "Luwu Timur", "Seluruh kabupaten", "simpan", "/bencana", "/batal" })
        {
            await bot.SendAsync(line);
            Assert.NotNull(await bot.NextReplyAsync(StartTimeout));
        }

        var metrics = await (await WaitForAnswerAsync(http, "/metrics")).Content.ReadAsStringAsync();
        Assert.Matches(@"casebot_messages_in_total\{[^}]*channel=""terminal""[^}]*\} 8(\.0)?\b", metrics);
        Assert.Matches(@"casebot_flows_total\{[^}]*flow=""daftar""[^}]*outcome=""saved""[^}]*\} 1", metrics);
        Assert.Matches(@"casebot_flows_total\{[^}]*flow=""bencana""[^}]*outcome=""cancelled""[^}]*\} 1", metrics);
        Assert.Matches(@"casebot_replies_out_total\{[^}]*channel=""terminal""", metrics);
        Assert.DoesNotContain("Andi", metrics);
    }

    [Fact]
    public async Task A_message_waiting_too_long_in_the_outbox_makes_the_bot_not_ready()
    {
        await using var database = TestDatabase.Create(StorageKind.Sqlite);
        var url = $"http://127.0.0.1:{Loopback.FreePort()}";
        using var bot = BotProcess.Start(database, "1", database.Folder, new Dictionary<string, string> { ["CaseBot__Http__Urls"] = url });
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        Assert.Equal(HttpStatusCode.OK, (await WaitForAnswerAsync(http, "/readyz")).StatusCode);

        // A notice for a Telegram chat, written an hour ago: no Telegram dispatcher runs here, so it is stuck.
        await using (var db = database.CreateContext())
        {
            db.Outbox.Add(new CaseBot.Domain.Entities.OutboxMessage
            {
                Channel = "telegram", ChatId = "42", Text = "Pemberitahuan", CreatedAt = DateTimeOffset.UtcNow.AddHours(-1),
                DueAt = DateTimeOffset.UtcNow.AddHours(-1),
            });
            await db.SaveChangesAsync();
        }
        var ready = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("1 message(s) waiting over 10 minutes", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bot_that_cannot_reach_telegram_is_live_but_not_ready()
    {
        await using var database = TestDatabase.Create(StorageKind.Sqlite);
        var url = $"http://127.0.0.1:{Loopback.FreePort()}";
        using var bot = BotProcess.Start(database, "1", database.Folder, new Dictionary<string, string>
        {
            ["CaseBot__Http__Urls"] = url,
            ["CaseBot__Telegram__Token"] = "123456:TEST",
            ["CaseBot__Telegram__BaseUrl"] = $"http://127.0.0.1:{Loopback.FreePort()}", // nothing listens there
        });
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        Assert.Equal(HttpStatusCode.OK, (await WaitForAnswerAsync(http, "/healthz")).StatusCode);
        var ready = await WaitForAnswerAsync(http, "/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("Telegram not reached yet", await ready.Content.ReadAsStringAsync());

        var status = await CasebotProcess.RunAsync(["status"], new Dictionary<string, string> { ["CaseBot__Http__Urls"] = url });
        Assert.Equal(1, status.ExitCode);
        Assert.Contains("\"telegram\"", status.Output);
    }
}
