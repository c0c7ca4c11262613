namespace CaseBot.Tests.Support;

/// <summary>Random tests use a fixed seed (printed), so a failure can be replayed; CASEBOT_TEST_SEED overrides it.</summary>
public static class TestSeed
{
    public static int Get(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("CASEBOT_TEST_SEED"), out var seed) ? seed : fallback;
}
