using System.Net;
using System.Text;
using CaseBot.Tests.Support;

namespace CaseBot.Tests.Telegram;

/// <summary>The webhook refuses what is not Telegram's before reading it, and what does not parse with a 400.</summary>
[Collection(TelegramCollection.Name)]
public sealed class TelegramWebhookEdgeTests(TelegramEmulator emulator)
{
    private const string Secret = "rahasia-dinsos";

    private async Task<(TelegramBotUnderTest Bot, HttpClient Http)> StartAsync(params string[] extraArgs)
    {
        var port = Loopback.FreePort();
        var bot = await TelegramBotUnderTest.StartAsync(emulator, extraArgs:
        [
            "--CaseBot:Telegram:Mode=Webhook", $"--CaseBot:Telegram:WebhookUrl=http://127.0.0.1:{port}/telegram/webhook",
            $"--CaseBot:Telegram:WebhookSecret={Secret}", $"--CaseBot:Http:Urls=http://127.0.0.1:{port}", .. extraArgs,
        ]);
        return (bot, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body, string? secret = Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return http.SendAsync(request);
    }

    private static string Update(int id, string text) =>
        "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1700000000,\"text\":" + text +
        ",\"from\":{\"id\":41,\"is_bot\":false,\"first_name\":\"Maria\"},\"chat\":{\"id\":41,\"type\":\"private\",\"first_name\":\"Maria\"}}}";

    [Theory]
    [InlineData("""{"update_id":"satu"}""")]
    [InlineData("""{"update_id":1,"message":{"chat":"x"}}""")]
    [InlineData("""{"update_id":2,"message":{"message_id":2,"date":"kemarin","chat":{"id":41,"type":"private"}}}""")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("{\"update_id\":")]
    [InlineData("")]
    public async Task An_update_that_does_not_parse_is_answered_400_not_500(string json)
    {
        var (bot, http) = await StartAsync();
        await using var _ = bot;
        using var __ = http;
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, Encoding.UTF8.GetBytes(json))).StatusCode);
        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
    }

    [Theory]
    [InlineData("""{"update_id":804,"callback_query":{"id":"1","data":"x","chat_instance":"1","message":{"message_id":1,"date":1700000000,"chat":{"id":41,"type":"private"}}}}""")]
    [InlineData("""{"update_id":805,"message":{"message_id":5,"date":1700000000,"text":"/daftar","from":{"id":41,"is_bot":false,"first_name":"Maria"}}}""")]
    public async Task An_update_without_its_sender_or_chat_is_never_a_500(string json)
    {
        var (bot, http) = await StartAsync();
        await using var _ = bot;
        using var __ = http;
        var status = (await PostAsync(http, Encoding.UTF8.GetBytes(json))).StatusCode;
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"answered {(int)status}");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, Encoding.UTF8.GetBytes(Update(806, "\"/daftar\"")))).StatusCode);
        await bot.ExpectAsync(41, "nama lengkap");
    }

    [Fact]
    public async Task A_lone_surrogate_is_cleaned_and_the_update_handled()
    {
        var (bot, http) = await StartAsync();
        await using var _ = bot;
        using var __ = http;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, Encoding.UTF8.GetBytes(Update(801, "\"/daftar \\ud800\"")))).StatusCode);
        await bot.ExpectAsync(41, "nama lengkap");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_and_a_missing_secret_with_401()
    {
        var (bot, http) = await StartAsync("--CaseBot:Telegram:MaxBodyKilobytes=16");
        await using var _ = bot;
        using var __ = http;
        var big = Encoding.UTF8.GetBytes(Update(802, "\"" + new string('a', 32 * 1024) + "\""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostAsync(http, big)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, big, secret: null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, Encoding.UTF8.GetBytes(Update(803, "\"/daftar\"")))).StatusCode);
        await bot.ExpectAsync(41, "nama lengkap");
    }
}
