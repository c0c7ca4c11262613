using System.Net;
using CaseBot.Tests.Support;
using Xunit.Abstractions;

namespace CaseBot.Tests.WhatsApp;

/// <summary>Unsigned bodies are refused before they are read: a flood of large ones costs the process nothing.</summary>
public sealed class WebhookMemoryTests(ITestOutputHelper output)
{
    private const int Posts = 60, BodyMb = 28, LimitMb = 300;

    [Fact]
    public async Task Sixty_parallel_unsigned_28_MB_posts_keep_the_process_under_300_MB()
    {
        if (!OperatingSystem.IsLinux()) return; // /proc
        using var bot = await WebhookProcess.StartAsync(new Dictionary<string, string>
        {
            ["CaseBot__WhatsApp__PhoneNumberId"] = "1234567", ["CaseBot__WhatsApp__AccessToken"] = "token-uji",
            ["CaseBot__WhatsApp__AppSecret"] = WhatsAppBotUnderTest.AppSecret, ["CaseBot__WhatsApp__VerifyToken"] = WhatsAppBotUnderTest.VerifyToken, ["CaseBot__WhatsApp__BaseUrl"] = "http://127.0.0.1:9",
        });
        var before = bot.MemoryMb();

        var answers = await Task.WhenAll(Enumerable.Range(0, Posts).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/whatsapp/webhook") { Content = new RepeatingContent(BodyMb << 20) };
            try
            {
                return (await bot.Http.SendAsync(request)).StatusCode;
            }
            catch (HttpRequestException)
            {
                return (HttpStatusCode?)null; // the server closed the connection without reading the rest: also a refusal
            }
        }));
        Assert.Equal("ok", await bot.Http.GetStringAsync("/healthz"));
        var after = bot.MemoryMb();
        output.WriteLine($"RSS before {before.Now} MB; after {Posts} x {BodyMb} MB unsigned posts {after.Now} MB, peak {after.Peak} MB; " +
                         $"answers: {string.Join(", ", answers.GroupBy(a => a?.ToString() ?? "closed").Select(g => $"{g.Count()} {g.Key}"))}");

        // 401, not 413: refused for the missing signature, before the size of the body was even looked at.
        Assert.All(answers, a => Assert.True(a is HttpStatusCode.Unauthorized or null, $"answered {a}"));
        Assert.True(after.Peak < LimitMb, $"peak resident memory {after.Peak} MB (limit {LimitMb} MB; {before.Now} MB at start)");
    }

    /// <summary>A large body streamed from one small buffer, so the test process does not hold 60 x 28 MB itself.</summary>
    private sealed class RepeatingContent(long length) : HttpContent
    {
        private static readonly byte[] Chunk = System.Text.Encoding.ASCII.GetBytes(new string('a', 64 * 1024));

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var sent = 0L; sent < length; sent += Chunk.Length)
                await stream.WriteAsync(Chunk.AsMemory(0, (int)Math.Min(Chunk.Length, length - sent)));
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }
}
