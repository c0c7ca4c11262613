using System.Diagnostics;

namespace CaseBot.Benchmarks;

/// <summary>Runs an operation repeatedly and reports median and p99 in milliseconds.</summary>
public static class Stats
{
    public static async Task<(double Median, double P99, int Runs)> TimeAsync(Func<Task> operation, int warmup, int runs)
    {
        for (var i = 0; i < warmup; i++) await operation();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[runs / 2], times[Math.Min(runs - 1, (int)Math.Ceiling(runs * 0.99) - 1)], runs);
    }
}
