using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseBot.Domain.Entities;
using CaseBot.Tests.Support;
using CaseBot.Tests.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CaseBot.Tests.Reliability;

/// <summary>
/// The real `casebot` on the WhatsApp webhook, SIGKILLed again and again while field users report, and started again
/// on the same database. Users behave as Meta does: a message not answered 200 is delivered again with the same id.
/// What counts is what reached the fake Graph API: every saved case is in the database once and its confirmation
/// reached its reporter exactly once (none saved but unannounced, none announced twice), except a confirmation the API
/// took from an instance killed before it recorded that: that one comes twice, and the log names it.
/// </summary>
[Collection(SerialProcesses.Name)]
public sealed partial class WebhookKillLoopTests(ITestOutputHelper output)
{
    private const int Kills = 8;
    private static readonly string[] Users = ["6281200000001", "6281200000002", "6281200000003"];

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Every_saved_case_is_announced_once_or_twice_only_where_the_log_says_through_kills(StorageKind storage)
    {
        var seed = TestSeed.Get(20241124);
        var rng = new Random(seed);
        output.WriteLine($"seed {seed} (set CASEBOT_TEST_SEED to replay), {storage}, {Users.Length} users, {Kills} kills");
        await using var database = TestDatabase.Create(storage);
        await using var graph = await FakeGraphApi.StartAsync();
        var port = Loopback.FreePort();
        var settings = Settings(graph, Users.Length);
        var log = new ConcurrentQueue<string>();
        var bot = WebhookBotProcess.Start(database, port, settings, log);
        Assert.True(await bot.WaitReadyAsync(TimeSpan.FromSeconds(90)), "casebot did not start");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var killed = 0;
        var killer = Task.Run(async () =>
        {
            while (killed < Kills)
            {
                await Task.Delay(rng.Next(200, 1500));
                bot.Kill();
                killed++;
                bot.Dispose();
                bot = WebhookBotProcess.Start(database, port, settings, log);
                // Sometimes killed again while it starts (migrations, the outbox sent at start).
                if (rng.Next(4) == 0) continue;
                await bot.WaitReadyAsync(TimeSpan.FromSeconds(90));
            }
            Assert.True(await bot.WaitReadyAsync(TimeSpan.FromSeconds(90)));
        });
        var reports = await Task.WhenAll(Users.Select(u => PlayAsync(http, u, () => killed >= Kills)));
        await killer;
        try
        {
            var confirmations = await AssertAnnouncedOnceAsync(database, graph, reports, log);
            output.WriteLine($"{killed} kills, {reports.Sum()} cases, {confirmations} confirmations, " +
                             $"{reports.Sum() - confirmations} saved but unannounced");
        }
        finally
        {
            bot.Dispose();
        }
    }

    /// <summary>
    /// The one spot no sender can close: the API took the confirmation and the bot died before recording it. The
    /// confirmation is sent again once the dead instance's claim ends (so it arrives twice, never not at all), and the
    /// log says so.
    /// </summary>
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task A_confirmation_the_api_took_from_a_bot_killed_before_recording_it_comes_again(StorageKind storage)
    {
        await using var database = TestDatabase.Create(storage);
        await using var graph = await FakeGraphApi.StartAsync();
        graph.HoldFirst = body => Confirmation().IsMatch(body is null ? "" : TextOf(body));
        var port = Loopback.FreePort();
        var settings = Settings(graph, users: 1, claimSeconds: 2);
        var log = new ConcurrentQueue<string>();
        var bot = WebhookBotProcess.Start(database, port, settings, log);
        Assert.True(await bot.WaitReadyAsync(TimeSpan.FromSeconds(90)), "casebot did not start");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var restarted = false;
        var killer = Task.Run(async () =>
        {
            await graph.Held.WaitAsync(TimeSpan.FromSeconds(120));
            bot.Kill();
            bot.Dispose();
            bot = WebhookBotProcess.Start(database, port, settings, log);
            Assert.True(await bot.WaitReadyAsync(TimeSpan.FromSeconds(90)));
            restarted = true;
        });
        var reports = await Task.WhenAll(PlayAsync(http, Users[0], () => restarted));
        await killer;
        try
        {
            var held = Confirmation().Match(TextOf(await graph.Held)).Groups[1].Value;
            // Sent again after the claim of 2 s: waited for as the second copy reaching the API.
            for (var i = 0; i < 300 && Announced(graph, Users[0]).Count(n => n == held) < 2; i++) await Task.Delay(100);
            Assert.Equal(2, Announced(graph, Users[0]).Count(n => n == held));
            await AssertAnnouncedOnceAsync(database, graph, reports, log);
        }
        finally
        {
            bot.Dispose();
        }
    }

    /// <summary>The bot's settings; the first <paramref name="users"/> users are admins (approved at once; a notice to
    /// one who never wrote could not be delivered).</summary>
    private static Dictionary<string, string> Settings(FakeGraphApi graph, int users, int claimSeconds = 30)
    {
        var settings = new Dictionary<string, string>
        {
            ["CaseBot__WhatsApp__PhoneNumberId"] = "1234567", ["CaseBot__WhatsApp__AccessToken"] = WhatsAppBotUnderTest.AccessToken,
            ["CaseBot__WhatsApp__AppSecret"] = WhatsAppBotUnderTest.AppSecret, ["CaseBot__WhatsApp__VerifyToken"] = WhatsAppBotUnderTest.VerifyToken,
            ["CaseBot__WhatsApp__BaseUrl"] = graph.BaseUrl, ["CaseBot__FloodMessages"] = "0", ["CaseBot__Outbox__PollMilliseconds"] = "200",
            ["CaseBot__Outbox__ClaimSeconds"] = claimSeconds.ToString(),
        };
        for (var i = 0; i < users; i++) settings[$"CaseBot__Admins__{i}"] = $"whatsapp:+{Users[i]}";
        return settings;
    }

    /// <summary>
    /// Once the outbox is drained: every case of the first <paramref name="reports"/>.Length users is saved once and
    /// announced to its reporter, exactly once unless the log says its confirmation was sent again after an instance
    /// took it and died (then twice). Returns how many confirmations arrived.
    /// </summary>
    private async Task<int> AssertAnnouncedOnceAsync(TestDatabase database, FakeGraphApi graph, int[] reports, ConcurrentQueue<string> log)
    {
        await using (var db = database.CreateContext())
            for (var i = 0; i < 600 && await db.Outbox.AnyAsync(o => o.State == OutboxState.Pending); i++) await Task.Delay(100);

        await using var check = database.CreateContext();
        var left = await check.Outbox.Where(o => o.State != OutboxState.Sent).ToListAsync();
        Assert.True(left.Count == 0, "left unsent or failed: " + string.Join("; ", left.Select(o => $"{o.Id} {o.State} {o.ChatId} {o.Error} {o.Text}")));
        var resentIds = log.Select(l => SentAgain().Match(l)).Where(m => m.Success).Select(m => long.Parse(m.Groups[1].Value)).ToList();
        var resent = (await check.Outbox.Where(o => resentIds.Contains(o.Id)).ToListAsync())
            .SelectMany(o => Confirmation().Matches(o.Text).Select(x => x.Groups[1].Value)).ToHashSet();
        var confirmations = 0;
        for (var u = 0; u < reports.Length; u++)
        {
            var reporter = await check.Reporters.SingleAsync(r => r.Identities.Any(i => i.ExternalUserId == "+" + Users[u]));
            var saved = (await check.Cases.Where(c => c.ReporterId == reporter.Id).ToListAsync()).Select(c => c.Number).ToList();
            Assert.Equal(reports[u], saved.Count); // each report saved once, whatever was redelivered
            var announced = Announced(graph, Users[u]);
            output.WriteLine($"user {Users[u]}: {saved.Count} cases saved, {announced.Count} confirmations received, " +
                             $"sent again: {string.Join(", ", resent)}");
            Assert.Equal(saved.Order(), announced.Distinct().Order()); // none saved but unannounced, none announced unsaved
            foreach (var twice in announced.GroupBy(n => n).Where(g => g.Count() > 1))
                Assert.True(twice.Count() == 2 && resent.Contains(twice.Key), $"{twice.Key} announced {twice.Count()} times");
            confirmations += announced.Count;
        }
        return confirmations;
    }

    private static List<string> Announced(FakeGraphApi graph, string user) =>
        graph.SentTo(user).SelectMany(m => Confirmation().Matches(TextOf(m)).Select(x => x.Groups[1].Value)).ToList();

    /// <summary>Registers, then reports cases until the killing is over; returns how many cases were reported.</summary>
    private static async Task<int> PlayAsync(HttpClient http, string user, Func<bool> done)
    {
        var sequence = 0;
        async Task Send(string text)
        {
            var id = $"wamid.{user}.{++sequence}";
            // As Meta does: the same message again until it is answered 200.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var response = await http.SendAsync(Signed(user, id, text));
                    if (response.IsSuccessStatusCode) return;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                if (attempt > 600) throw new TimeoutException($"{user}: '{text}' never answered 200");
                await Task.Delay(100);
            }
        }
        foreach (var answer in new[] { "/daftar", $"Relawan {user[^1]}", "Tagana", "Luwu Timur", "Malili", "simpan" }) await Send(answer);
        var reports = 0;
        do
        {
            reports++;
            foreach (var answer in new[]
                     {
                         "/ppks", "Lanjut usia terlantar", $"Warga {user[^1]} nomor {reports}", "lewati", "Malili", "Baruga", "Perempuan", "70",
                         "Tinggal sendiri", "Permakanan", "baru", "simpan",
                     })
                await Send(answer);
        } while (!done() || reports < 3);
        return reports;
    }

    private static HttpRequestMessage Signed(string user, string id, string text)
    {
        var payload = WhatsAppBotUnderTest.Envelope(new JsonObject
        {
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Relawan" }, ["wa_id"] = user }),
            ["messages"] = new JsonArray(new JsonObject
            {
                ["from"] = user, ["id"] = id, ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(),
                ["type"] = "text", ["text"] = new JsonObject { ["body"] = text },
            }),
        });
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var request = new HttpRequestMessage(HttpMethod.Post, "/whatsapp/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(WhatsAppBotUnderTest.AppSecret), body)));
        return request;
    }

    private static string TextOf(JsonNode m) => (string?)m["text"]?["body"] ?? (string?)m["interactive"]?["body"]?["text"] ?? "";

    [GeneratedRegex(@"tersimpan dengan nomor (PK-\d{4}-\d{4,})")]
    private static partial Regex Confirmation();

    [GeneratedRegex(@"Message (\d+) to whatsapp:\S+ was taken by \S+ and never recorded")]
    private static partial Regex SentAgain();
}
