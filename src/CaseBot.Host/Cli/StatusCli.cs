using CaseBot.Host.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseBot.Host.Cli;

/// <summary>
/// `casebot status`: what /readyz says. Asks the running bot at CaseBot:Http:Urls when that is set; otherwise checks
/// the database itself (a bot without an HTTP listener cannot be asked about its channels). Exit code 0 when ready.
/// </summary>
public static class StatusCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        if (configuration["CaseBot:Http:Urls"] is { Length: > 0 } urls)
        {
            var url = urls.Split(';')[0].Replace("0.0.0.0", "127.0.0.1").Replace("+", "127.0.0.1").Replace("*", "127.0.0.1").TrimEnd('/');
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            try
            {
                using var response = await http.GetAsync($"{url}/readyz");
                await output.WriteLineAsync(await response.Content.ReadAsStringAsync());
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await output.WriteLineAsync($"{{\"status\": \"Unhealthy\", \"error\": \"no answer from {url}/readyz: {ex.Message}\"}}");
                return 1;
            }
        }
        using var host = CaseBotHost.Build([.. args, "--CaseBot:Terminal:Enabled=false"], b => b.Services.AddCaseBotHealth(telegram: false));
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains(HealthEndpoints.Ready));
        await output.WriteLineAsync(HealthEndpoints.Json(report));
        return report.Status == HealthStatus.Healthy ? 0 : 1;
    }
}
