using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CaseBot.Tests.WhatsApp;

/// <summary>Signed payloads of the wrong shape: refused (400) or skipped item by item, never a 500, and never the end
/// of the batch for the good items in it.</summary>
public sealed class WebhookEdgeTests
{
    private const string Good = "6281234567890", Other = "6281234567891";

    private static Task<HttpResponseMessage> PostRawAsync(WhatsAppBotUnderTest bot, byte[] body, bool sign = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/whatsapp/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (sign)
            request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(
                HMACSHA256.HashData(Encoding.UTF8.GetBytes(WhatsAppBotUnderTest.AppSecret), body)));
        return bot.Http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostRawAsync(WhatsAppBotUnderTest bot, string json) => PostRawAsync(bot, Encoding.UTF8.GetBytes(json));

    private static string Message(string from, string id, string text) =>
        $$$"""{"from":"{{{from}}}","id":"{{{id}}}","timestamp":"1","type":"text","text":{"body":{{{text}}}}}""";

    private static string Batch(params string[] messages) =>
        $$$"""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","messages":[{{{string.Join(',', messages)}}}]}}]}]}""";

    public static TheoryData<string> Malformed => new()
    {
        """{"object":"whatsapp_business_account","entry":{"id":"1"}}""", // entry as an object
        """{"entry":[{"changes":{"value":1}}]}""",
        """{"entry":[{"changes":[{"value":{"messages":{"from":"1"}}}]}]}""",
        """{"entry":[{"changes":[{"value":{"contacts":[{"wa_id":6281,"profile":{"name":7}}],"messages":[]}}]}]}""",
        Batch(Message(Good, "wamid.n1", "12345")), // numeric text
        Batch("""{"from":6281234567890,"id":"wamid.n2","type":"text","text":{"body":"halo"}}"""),
        Batch("""{"from":"6281234567890","id":"wamid.n3","type":"location","location":{"latitude":"utara","longitude":[]}}"""),
        Batch("""{"from":"6281234567890","id":"wamid.n4","type":"interactive","interactive":{"button_reply":{"id":{"x":1}}}}"""),
        Batch("\"halo\""),
        "[1,2,3]",
        "42",
        "{\"entry\":",
        "",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_signed_payload_of_the_wrong_shape_never_answers_500(string json)
    {
        await using var bot = await WhatsAppBotUnderTest.StartAsync();
        var status = (await PostRawAsync(bot, json)).StatusCode;
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"answered {(int)status}");
        Assert.Equal(HttpStatusCode.OK, (await bot.TextAsync(Good, "/start")).StatusCode); // and it still works
    }

    [Fact]
    public async Task Broken_unicode_is_cleaned_before_parsing_and_the_message_is_handled()
    {
        await using var bot = await WhatsAppBotUnderTest.StartAsync();
        var lone = Batch(Message(Good, "wamid.s1", "\"/start \\ud800\""));
        Assert.Equal(HttpStatusCode.OK, (await PostRawAsync(bot, lone)).StatusCode);
        Assert.Contains("Selamat datang", (string?)bot.Graph.SentTo(Good)[^1]["text"]?["body"] ?? "");

        var bytes = Encoding.UTF8.GetBytes(Batch(Message(Other, "wamid.s2", "\"/start X\"")));
        bytes[Array.LastIndexOf(bytes, (byte)'X')] = 0xC3; // a UTF-8 sequence cut short
        Assert.Equal(HttpStatusCode.OK, (await PostRawAsync(bot, bytes)).StatusCode);
        Assert.Contains("Selamat datang", (string?)bot.Graph.SentTo(Other)[^1]["text"]?["body"] ?? "");
    }

    [Fact]
    public async Task One_bad_item_does_not_stop_the_rest_of_the_batch()
    {
        await using var bot = await WhatsAppBotUnderTest.StartAsync();
        var batch = Batch(
            Message(Good, "wamid.b1", "12345"),
            """{"from":"6281234567890","id":"wamid.b2","type":"location","location":{"latitude":"utara"}}""",
            Message(Other, "wamid.b3", "\"/start\""));
        Assert.Equal(HttpStatusCode.OK, (await PostRawAsync(bot, batch)).StatusCode);
        Assert.Contains("Selamat datang", (string?)bot.Graph.SentTo(Other)[^1]["text"]?["body"] ?? "");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        await using var bot = await WhatsAppBotUnderTest.StartAsync("--CaseBot:WhatsApp:MaxBodyKilobytes=64");
        var big = Batch(Message(Good, "wamid.big", "\"" + new string('a', 100 * 1024) + "\""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostRawAsync(bot, Encoding.UTF8.GetBytes(big))).StatusCode);

        // Chunked, so no Content-Length tells it in advance: the read stops at the limit.
        var request = new HttpRequestMessage(HttpMethod.Post, "/whatsapp/webhook")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(WhatsAppBotUnderTest.AppSecret), Encoding.UTF8.GetBytes(big))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await bot.Http.SendAsync(request)).StatusCode);
        Assert.Empty(bot.Graph.SentTo(Good));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=zz")]
    [InlineData("md5=00")]
    public async Task A_missing_or_malformed_signature_is_refused(string? header)
    {
        await using var bot = await WhatsAppBotUnderTest.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/whatsapp/webhook")
        {
            Content = new StringContent(Batch(Message(Good, "wamid.u1", "\"/start\"")), Encoding.UTF8, "application/json"),
        };
        if (header is not null) request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", header);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.Http.SendAsync(request)).StatusCode);
        Assert.Empty(bot.Graph.SentTo(Good));
    }
}
