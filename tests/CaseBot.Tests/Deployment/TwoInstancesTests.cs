using System.Net;
using CaseBot.Tests.Support;
using CaseBot.Tests.WhatsApp;

namespace CaseBot.Tests.Deployment;

/// <summary>
/// The scale-out setup of compose.yaml without Docker: two real `casebot` processes on one PostgreSQL, each serving
/// the WhatsApp webhook. One is killed mid-conversation; the other carries the same conversation on.
/// </summary>
[Collection(SerialProcesses.Name)]
public sealed class TwoInstancesTests
{
    [Fact]
    public async Task When_one_instance_dies_the_other_answers_and_the_conversation_goes_on()
    {
        await using var database = TestDatabase.Create(StorageKind.Postgres);
        await using var graph = await FakeGraphApi.StartAsync();
        var settings = new Dictionary<string, string>(database.Environment);
        foreach (var (key, value) in SignedWhatsApp.Settings(graph)) settings[key] = value;
        using var first = await WebhookProcess.StartAsync(settings);
        using var second = await WebhookProcess.StartAsync(settings);
        foreach (var bot in new[] { first, second })
            Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync("/readyz")).StatusCode);

        var user = new SignedWhatsApp(first.Http, graph, "6281200000001");
        Assert.Contains("nama lengkap", await user.SayAsync("/daftar"));
        first.Kill();
        user.Bot = second.Http;
        Assert.Equal(HttpStatusCode.OK, (await second.Http.GetAsync("/readyz")).StatusCode);
        Assert.Contains("peran", (await user.SayAsync("Siti Aminah")).ToLowerInvariant()); // the next question of the same registration
    }
}
