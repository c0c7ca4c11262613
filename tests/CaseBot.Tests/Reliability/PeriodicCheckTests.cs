using System.Threading.Channels;
using CaseBot.Storage.Jobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using CaseBot.Tests.Support;

namespace CaseBot.Tests.Reliability;

/// <summary>The loop behind the summaries, the monthly report, alert follow-ups and reminders: a look at start, then one
/// every interval of the host's clock, and a failed look does not end the service.</summary>
public sealed class PeriodicCheckTests
{
    private sealed class Probe(TimeProvider clock) : PeriodicCheck(clock, NullLogger.Instance)
    {
        public Channel<DateTimeOffset> Looks { get; } = Channel.CreateUnbounded<DateTimeOffset>();
        public int FailNext { get; set; }

        protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

        protected override Task<int> CheckOnceAsync(CancellationToken ct)
        {
            Looks.Writer.TryWrite(Clock.GetUtcNow());
            if (FailNext-- > 0) throw new InvalidOperationException("database away");
            return Task.FromResult(0);
        }
    }

    [Fact]
    public async Task It_looks_at_start_and_every_interval_and_carries_on_after_a_failed_look()
    {
        var clock = new FakeTimeProvider(BotHarness.DefaultNow);
        using var probe = new Probe(clock) { FailNext = 1 };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await probe.StartAsync(timeout.Token);

        var previous = await probe.Looks.Reader.ReadAsync(timeout.Token); // this one fails
        Assert.Equal(BotHarness.DefaultNow, previous);
        for (var i = 0; i < 3; i++)
        {
            // A minute of the clock at a time until the next look arrives: never before the interval is over.
            DateTimeOffset look;
            while (!probe.Looks.Reader.TryRead(out look))
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                await Task.Delay(10, timeout.Token);
            }
            Assert.InRange(look - previous, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(7));
            previous = look;
        }
        await probe.StopAsync(CancellationToken.None);
    }
}
