using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CaseBot.Tests.WhatsApp;

/// <summary>A stand-in for graph.facebook.com on loopback: records every call and can answer 429 a few times.</summary>
public sealed class FakeGraphApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentQueue<(string Path, string? Authorization, JsonNode? Body)> Calls { get; } = new();
    public int TooManyRequestsToSend { get; set; }

    /// <summary>The first message this matches is recorded and then never answered (see <see cref="Held"/>).</summary>
    public Func<JsonNode?, bool>? HoldFirst { get; set; }
    private int _held;
    private readonly TaskCompletionSource<JsonNode> _heldSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the held message's body once it was recorded.</summary>
    public Task<JsonNode> Held => _heldSignal.Task;
    public string BaseUrl { get; }

    private FakeGraphApi(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FakeGraphApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeGraphApi? fake = null;
        app.MapPost("/{version}/{phoneId}/{method}", async (HttpRequest request, string method) =>
        {
            if (fake!.TooManyRequestsToSend > 0)
            {
                fake.TooManyRequestsToSend--;
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }
            JsonNode? body = null;
            if (request.HasJsonContentType()) body = await JsonNode.ParseAsync(request.Body);
            fake.Calls.Enqueue((request.Path, request.Headers.Authorization.ToString(), body));
            if (fake.HoldFirst is { } hold && hold(body) && Interlocked.Exchange(ref fake._held, 1) == 0)
            {
                // Taken, as Meta takes it, but never answered: the sender cannot tell it arrived.
                fake._heldSignal.TrySetResult(body!);
                await Task.Delay(Timeout.Infinite, request.HttpContext.RequestAborted).ContinueWith(_ => { });
                return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
            }
            return method == "media"
                ? Results.Json(new { id = $"media-{fake.Calls.Count}" })
                : Results.Json(new { messaging_product = "whatsapp", messages = new[] { new { id = $"wamid.out{fake.Calls.Count}" } } });
        });
        await app.StartAsync();
        fake = new FakeGraphApi(app, app.Urls.First());
        return fake;
    }

    /// <summary>Messages sent to one number, as JSON bodies, in order.</summary>
    public IReadOnlyList<JsonNode> SentTo(string waId) =>
        Calls.Where(c => c.Body?["to"]?.ToString() == waId).Select(c => c.Body!).ToList();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
