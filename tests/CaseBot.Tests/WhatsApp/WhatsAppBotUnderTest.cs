using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CaseBot.Host;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CaseBot.Tests.WhatsApp;

/// <summary>The real host with the WhatsApp channel on a loopback port, sending to a <see cref="FakeGraphApi"/>.</summary>
public sealed class WhatsAppBotUnderTest : IAsyncDisposable
{
    public const string AppSecret = "rahasia-aplikasi", VerifyToken = "verifikasi-dinsos", AccessToken = "token-uji", AdminWaId = "6281100000001";
    private readonly IHost _host;
    private int _sequence;

    public FakeGraphApi Graph { get; }
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public HttpClient Http { get; }

    private WhatsAppBotUnderTest(FakeGraphApi graph, string folder, int port, string[] extraArgs)
    {
        Graph = graph;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        _host = CaseBotHost.Build(
        [
            $"--CaseBot:Storage:ConnectionString=Data Source={Path.Combine(folder, "casebot.db")}",
            "--CaseBot:WhatsApp:PhoneNumberId=1234567", $"--CaseBot:WhatsApp:AccessToken={AccessToken}",
            $"--CaseBot:WhatsApp:AppSecret={AppSecret}", $"--CaseBot:WhatsApp:VerifyToken={VerifyToken}",
            $"--CaseBot:WhatsApp:BaseUrl={graph.BaseUrl}", $"--CaseBot:Http:Urls=http://127.0.0.1:{port}",
            $"--CaseBot:Admins:0=whatsapp:+{AdminWaId}", .. extraArgs,
        ], b => b.Services.AddSingleton<TimeProvider>(Clock));
    }

    public static async Task<WhatsAppBotUnderTest> StartAsync(params string[] extraArgs)
    {
        var graph = await FakeGraphApi.StartAsync();
        var bot = new WhatsAppBotUnderTest(graph, Directory.CreateTempSubdirectory("casebot-wa-").FullName, FreePort(), extraArgs);
        await bot._host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await bot._host.StartAsync();
        return bot;
    }

    public CaseBotDbContext Db() => _host.Services.GetRequiredService<IDbContextFactory<CaseBotDbContext>>().CreateDbContext();

    /// <summary>A text message from a user, as the Cloud API posts it.</summary>
    public Task<HttpResponseMessage> TextAsync(string waId, string text, string? messageId = null) =>
        PostAsync(Payload(waId, messageId, new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } }));

    /// <summary>A press on a reply button or a pick from a list.</summary>
    public Task<HttpResponseMessage> ReplyAsync(string waId, string id, bool fromList) =>
        PostAsync(Payload(waId, null, new JsonObject
        {
            ["type"] = "interactive",
            ["interactive"] = fromList
                ? new JsonObject { ["type"] = "list_reply", ["list_reply"] = new JsonObject { ["id"] = id, ["title"] = id } }
                : new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = id, ["title"] = id } },
        }));

    public JsonObject Payload(string waId, string? messageId, JsonObject message)
    {
        message["from"] = waId;
        message["id"] = messageId ?? $"wamid.in{Interlocked.Increment(ref _sequence)}";
        message["timestamp"] = Clock.GetUtcNow().ToUnixTimeSeconds().ToString();
        return Envelope(new JsonObject
        {
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Siti" }, ["wa_id"] = waId }),
            ["messages"] = new JsonArray(message),
        });
    }

    public static JsonObject Envelope(JsonObject value)
    {
        value["messaging_product"] = "whatsapp";
        value["metadata"] = new JsonObject { ["display_phone_number"] = "6281999999999", ["phone_number_id"] = "1234567" };
        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "102290129340398",
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
            }),
        };
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject payload, string? signatureSecret = AppSecret)
    {
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var request = new HttpRequestMessage(HttpMethod.Post, "/whatsapp/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (signatureSecret is not null)
            request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signatureSecret), body)));
        return Http.SendAsync(request);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Http.Dispose();
        await Graph.DisposeAsync();
    }
}
