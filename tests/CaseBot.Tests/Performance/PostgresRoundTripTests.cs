using System.Collections.Concurrent;
using System.Diagnostics;
using CaseBot.Tests.Support;
using Npgsql;

namespace CaseBot.Tests.Performance;

/// <summary>
/// On PostgreSQL every statement is a round trip to the server (and, on a small machine, a context switch on each
/// side): the rows a message writes after its id go in one batch. Npgsql's own trace (one activity per command or
/// batch sent) is the witness.
/// </summary>
public sealed class PostgresRoundTripTests
{
    [Fact]
    public async Task The_contact_conversation_and_replies_of_a_message_reach_the_server_in_one_batch()
    {
        await using var bot = await BotHarness.StartAsync(StorageKind.Postgres);
        await Scenario.RegisterApprovedAsync(bot, "10", "Rahmat Tagana");
        var database = new NpgsqlConnectionStringBuilder(bot.Database.ConnectionString).Database!;
        var sent = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // Only this test's database: other tests run beside it on the same server.
                if (activity.TagObjects.Any(t => t.Value as string == database))
                    sent.Enqueue(activity.TagObjects.Where(t => t.Key.Contains("statement") || t.Key.Contains("query.text"))
                        .Select(t => t.Value as string).FirstOrDefault() ?? activity.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(listener);

        Assert.Contains("Jenis bencana", await bot.Say("10", "/bencana")); // a flow starts: a conversation row is written

        var writes = sent.Where(s => s.Contains("INSERT INTO \"Outbox\"")).ToList();
        Assert.True(writes.Count == 1, string.Join("\n---\n", sent));
        Assert.Contains("INSERT INTO \"Contacts\"", writes[0]);
        Assert.Contains("INSERT INTO \"Conversations\"", writes[0]);
    }
}
