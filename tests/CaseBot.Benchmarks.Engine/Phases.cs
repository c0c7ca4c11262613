using System.Diagnostics;

namespace CaseBot.Benchmarks.Engine;

/// <summary>One measured phase: messages answered, the rate achieved, latency percentiles, memory.</summary>
public sealed record PhaseResult(string Label, double? Offered, long Messages, long NotSent, double Seconds, double P50, double P99,
    double Max, double RssMb, double AllocatedKbPerMessage, double CpuMsPerMessage, long Reports)
{
    public double Achieved => Messages / Seconds;

    public override string ToString() =>
        $"{Label}: {Messages:N0} messages in {Seconds:0.0} s = {Achieved:0} messages/s ({Reports / Seconds:0.0} reports/s)" +
        (NotSent > 0 ? $", {NotSent:N0} scheduled but not sent by the end (counted with their wait so far)" : "") +
        $", p50 {P50:0.0} ms, p99 {P99:0.0} ms, max {Max:0.0} ms, RSS {RssMb:0} MB, {AllocatedKbPerMessage:0} KB allocated and {CpuMsPerMessage:0.00} ms of CPU per message";
}

public static class Phases
{
    /// <summary>
    /// Closed loop: each user sends its next message as soon as the previous one is answered. Latency is send → reply.
    /// </summary>
    public static async Task<PhaseResult> ClosedAsync(BenchBot bot, IReadOnlyList<BenchUser> users, TimeSpan duration, string label)
    {
        var latencies = users.Select(_ => new List<double>(4096)).ToArray();
        var measure = Measure.Start(bot);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(users.Select((u, i) => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await bot.SendNextAsync(u);
                latencies[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        return measure.Stop(label, null, clock.Elapsed.TotalSeconds, latencies, 0);
    }

    /// <summary>
    /// Open loop at a fixed offered rate: message k is due at start + k / rate and belongs to user k mod n, so each user
    /// sends every n / rate seconds. A user never has two messages in flight: when its previous reply is late, the next
    /// send waits, and that wait counts, since latency is measured from the scheduled time (no coordinated omission).
    /// Messages still unsent when the phase ends are counted with the wait they had so far (a lower bound).
    /// </summary>
    public static async Task<PhaseResult> OpenAsync(BenchBot bot, IReadOnlyList<BenchUser> users, double rate, TimeSpan duration, string label)
    {
        var n = users.Count;
        var total = (long)(rate * duration.TotalSeconds);
        var latencies = users.Select(_ => new List<double>(1024)).ToArray();
        var notSent = 0L;
        var measure = Measure.Start(bot);
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100; // 10 ms for every user task to be scheduled
        double Due(long k) => (double)k / rate; // seconds after start
        await Task.WhenAll(users.Select((u, i) => Task.Run(async () =>
        {
            for (long k = i; k < total; k += n)
            {
                var due = start + (long)(Due(k) * Stopwatch.Frequency);
                var now = Stopwatch.GetTimestamp();
                if (now - start > (long)(duration.TotalSeconds * Stopwatch.Frequency))
                {   // the phase is over and this one was never sent: it and the rest of this user's messages waited
                    for (var rest = k; rest < total; rest += n)
                    {
                        latencies[i].Add((now - (start + (long)(Due(rest) * Stopwatch.Frequency))) * 1000.0 / Stopwatch.Frequency);
                        Interlocked.Increment(ref notSent);
                    }
                    break;
                }
                if (due > now) await Task.Delay(TimeSpan.FromSeconds((due - now) / (double)Stopwatch.Frequency));
                await bot.SendNextAsync(u);
                latencies[i].Add((Stopwatch.GetTimestamp() - due) * 1000.0 / Stopwatch.Frequency);
            }
        })));
        var seconds = Math.Max(duration.TotalSeconds, (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency);
        return measure.Stop(label, rate, seconds, latencies, notSent);
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Where the resident memory is (Linux): the largest mappings by RSS, anonymous ones summed.</summary>
    public static string MemoryMap()
    {
        if (!File.Exists("/proc/self/smaps")) return "";
        var sizes = new Dictionary<string, long>();
        string? name = null;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 5 && parts[0].Contains('-') && !parts[0].EndsWith(':')) name = parts.Length >= 6 ? Path.GetFileName(parts[5]) : "[anonymous]";
            else if (parts is ["Rss:", var kb, "kB"] && name is not null) sizes[name] = sizes.GetValueOrDefault(name) + long.Parse(kb);
        }
        return "resident memory by mapping: " + string.Join(", ", sizes.OrderByDescending(s => s.Value).Take(8).Select(s => $"{s.Key} {s.Value / 1024.0:0} MB"));
    }

    /// <summary>Resident set size of this process (VmRSS), in MB.</summary>
    public static double RssMb()
    {
        if (File.Exists("/proc/self/status"))
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        return Process.GetCurrentProcess().WorkingSet64 / 1048576.0;
    }

    private sealed class Measure
    {
        private readonly BenchBot _bot;
        private readonly long _allocated;
        private readonly long _reports;
        private readonly TimeSpan _cpu;

        private Measure(BenchBot bot)
        {
            _bot = bot;
            _cpu = Process.GetCurrentProcess().TotalProcessorTime; // the whole process: engine, database and the load generator
            _allocated = GC.GetTotalAllocatedBytes(precise: true);
            _reports = bot.Reports;
        }

        public static Measure Start(BenchBot bot)
        {
            GC.Collect();
            return new Measure(bot);
        }

        public PhaseResult Stop(string label, double? offered, double seconds, List<double>[] latencies, long notSent)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocated;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpu;
            var all = latencies.SelectMany(l => l).Order().ToArray();
            var answered = all.Length - notSent;
            return new PhaseResult(label, offered, answered, notSent, seconds, Percentile(all, 0.50), Percentile(all, 0.99),
                all.Length == 0 ? 0 : all[^1], RssMb(), allocated / 1024.0 / Math.Max(1, answered),
                cpu.TotalMilliseconds / Math.Max(1, answered), _bot.Reports - _reports);
        }
    }
}
