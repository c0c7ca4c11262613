using System.Net;
using CaseBot.Tests.Support;
using CaseBot.Tests.WhatsApp;

namespace CaseBot.Tests.Deployment;

/// <summary>
/// The scale-out setup of compose.yaml without Docker: two real `casebot` processes on one PostgreSQL, behind a real
/// nginx running the committed deploy/nginx.conf. One is killed mid-conversation; the proxy passes the next message to
/// the other, which carries the same conversation on.
/// </summary>
[Collection(SerialProcesses.Name)]
public sealed class TwoInstancesTests
{
    private static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task When_one_instance_dies_the_proxy_passes_the_conversation_to_the_other()
    {
        _ = NginxProxy.Binary; // a missing nginx fails here, before two bots are started for nothing
        await using var database = TestDatabase.Create(StorageKind.Postgres);
        await using var graph = await FakeGraphApi.StartAsync();
        var settings = new Dictionary<string, string>(database.Environment);
        foreach (var (key, value) in SignedWhatsApp.Settings(graph)) settings[key] = value;
        using var first = await WebhookProcess.StartAsync(settings);
        using var second = await WebhookProcess.StartAsync(settings);
        using var proxy = await NginxProxy.StartAsync(Port(first), Port(second));

        Assert.Equal(HttpStatusCode.OK, (await proxy.Http.GetAsync("/readyz")).StatusCode);
        var user = new SignedWhatsApp(proxy.Http, graph, "6281200000001");
        Assert.Contains("nama lengkap", await user.SayAsync("/daftar"));

        // One nginx worker runs round robin as one sequence: the next request goes to the instance that did not serve
        // /daftar. Killing exactly that one makes the next message meet a dead instance first.
        var served = (await proxy.RequestsAsync(2, LogTimeout))[^1];
        var (dead, alive) = served.Contains($"upstreams=127.0.0.1:{Port(first)} ") ? (second, first) : (first, second);
        dead.Kill();

        Assert.Contains("peran", (await user.SayAsync("Siti Aminah")).ToLowerInvariant()); // the next question of the same registration
        var passedOn = (await proxy.RequestsAsync(3, LogTimeout))[^1];
        Assert.StartsWith("POST /whatsapp/webhook 200 ", passedOn);
        Assert.Contains($"upstreams=127.0.0.1:{Port(dead)}, 127.0.0.1:{Port(alive)} statuses=502, 200", passedOn);
        Assert.Equal(HttpStatusCode.OK, (await proxy.Http.GetAsync("/readyz")).StatusCode);
        Assert.False(alive.Exited);
    }

    private static int Port(WebhookProcess bot) => bot.Http.BaseAddress!.Port;
}
