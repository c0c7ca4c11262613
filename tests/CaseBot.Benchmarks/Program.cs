using CaseBot.Benchmarks;

// Benchmarks print figures; they are not tests and do not run in tests/run.sh.
var which = args.FirstOrDefault() ?? "capaian";
return which switch
{
    "capaian" => await CapaianBenchmark.RunAsync(args.Skip(1).ToArray()),
    "capaian-cold" => await CapaianCold.RunChildAsync(args.Skip(1).ToArray()), // one restart, run by "capaian"
    "demo" => await DemoSummary.RunAsync(args.Skip(1).FirstOrDefault() ?? "docs"),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/CaseBot.Benchmarks -- capaian [reports=1000000 (or 10000000)] [cold runs=5] | demo [folder=docs]");
    return 2;
}
