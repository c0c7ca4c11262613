using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CaseBot.Tests.Support;
using CaseBot.Tests.WhatsApp;

namespace CaseBot.Tests.Telegram;

/// <summary>
/// One bot on Telegram and WhatsApp at once: a notice goes out through the channel of the person it is for, whatever
/// channel the user who caused it wrote on (it used to go through the causing user's channel, or nowhere).
/// </summary>
[Collection(TelegramCollection.Name)]
public sealed class CrossChannelNoticeTests(TelegramEmulator emulator)
{
    private const string WaUser = "6281234567890";

    [Fact]
    public async Task A_whatsapp_registration_reaches_the_telegram_admin_and_the_approval_reaches_whatsapp()
    {
        await using var graph = await FakeGraphApi.StartAsync();
        var port = Loopback.FreePort();
        await using var bot = await TelegramBotUnderTest.StartAsync(emulator, extraArgs:
        [
            "--CaseBot:WhatsApp:PhoneNumberId=1234567", $"--CaseBot:WhatsApp:AccessToken={WhatsAppBotUnderTest.AccessToken}",
            $"--CaseBot:WhatsApp:AppSecret={WhatsAppBotUnderTest.AppSecret}", $"--CaseBot:WhatsApp:VerifyToken={WhatsAppBotUnderTest.VerifyToken}",
            $"--CaseBot:WhatsApp:BaseUrl={graph.BaseUrl}", $"--CaseBot:Http:Urls=http://127.0.0.1:{port}",
        ]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var sequence = 0;
        async Task Wa(JsonObject message, string expect)
        {
            message["from"] = WaUser;
            message["id"] = $"wamid.x{++sequence}";
            message["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
            var payload = WhatsAppBotUnderTest.Envelope(new JsonObject
            {
                ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Siti" }, ["wa_id"] = WaUser }),
                ["messages"] = new JsonArray(message),
            });
            var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
            var request = new HttpRequestMessage(HttpMethod.Post, "/whatsapp/webhook") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(
                HMACSHA256.HashData(Encoding.UTF8.GetBytes(WhatsAppBotUnderTest.AppSecret), body)));
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
            Assert.Contains(expect, LastText(graph));
        }
        JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } };
        JsonObject Pick(string id) => new()
        {
            ["type"] = "interactive",
            ["interactive"] = new JsonObject { ["type"] = "list_reply", ["list_reply"] = new JsonObject { ["id"] = id, ["title"] = id } },
        };

        await Wa(Text("/daftar"), "nama lengkap");
        await Wa(Text("Siti Rahma"), "peran");
        await Wa(Pick("Tksk"), "kabupaten");
        await Wa(Pick("Luwu Timur"), "kecamatan");
        await Wa(Pick("Malili"), "Periksa pendaftaran");
        await Wa(Pick("#ok"), "Pendaftaran terkirim");

        // Caused on WhatsApp, for a Telegram admin: through Telegram.
        var notice = await bot.ExpectAsync(TelegramBotUnderTest.AdminId, "Pendaftaran baru");
        await bot.Press(TelegramBotUnderTest.AdminId, notice, "Setujui");
        await bot.ExpectAsync(TelegramBotUnderTest.AdminId, "Siti Rahma (");
        // Caused on Telegram, for a WhatsApp user: through the Graph API.
        for (var i = 0; i < 200 && !LastText(graph).Contains("Pendaftaran Anda disetujui"); i++) await Task.Delay(50);
        Assert.Contains("Pendaftaran Anda disetujui", LastText(graph));
        Assert.All(graph.Calls, c => Assert.Equal(WaUser, c.Body?["to"]?.ToString())); // nothing for Telegram's admin went to Meta
        Assert.DoesNotContain(bot.Bridge.Local, c => c.Body.Contains(WaUser));
    }

    private static string LastText(FakeGraphApi graph)
    {
        var last = graph.Calls.LastOrDefault().Body;
        return (string?)last?["text"]?["body"] ?? (string?)last?["interactive"]?["body"]?["text"] ?? "";
    }
}
