using System.Diagnostics;

namespace CaseBot.Tests.Support;

/// <summary>
/// The committed deploy/nginx.conf, run by a real nginx on loopback in front of two `casebot` processes: only the
/// upstream addresses (bot1:8080, bot2:8080 in compose.yaml) and the listen port are rewritten, so the test exercises
/// the proxy settings that production uses. Its access log records which upstreams each request tried.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    public HttpClient Http { get; }
    private string AccessLog => Path.Combine(_folder, "access.log");
    private string ErrorLog => Path.Combine(_folder, "error.log");

    private NginxProxy(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(3) };
    }

    public static async Task<NginxProxy> StartAsync(int bot1Port, int bot2Port)
    {
        var nginx = Binary;
        var folder = Directory.CreateTempSubdirectory("casebot-nginx-").FullName;
        var port = Loopback.FreePort();
        var server = File.ReadAllText(Path.Combine(RepoRoot.Path, "deploy", "nginx.conf"));
        server = ReplaceOnce(server, "server bot1:8080", $"server 127.0.0.1:{bot1Port}");
        server = ReplaceOnce(server, "server bot2:8080", $"server 127.0.0.1:{bot2Port}");
        server = ReplaceOnce(server, "listen 80;", $"listen 127.0.0.1:{port};");
        File.WriteAllText(Path.Combine(folder, "casebot.conf"), server);
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), TopLevel(folder));

        // -e: the error log from the first moment, before nginx has read the configuration (not /var/log/nginx).
        var start = new ProcessStartInfo(nginx, ["-p", folder + "/", "-e", Path.Combine(folder, "error.log"), "-c", Path.Combine(folder, "nginx.conf")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var proxy = new NginxProxy(process, folder, port);
        await proxy.WaitListeningAsync(TimeSpan.FromSeconds(30));
        return proxy;
    }

    /// <summary>
    /// The minimal main file around the committed server block: everything in the test's folder, in the foreground,
    /// one worker (so round robin is one sequence). As root, workers would drop to `nobody`, who may not write here.
    /// </summary>
    private static string TopLevel(string folder) => $$"""
        daemon off;
        worker_processes 1;
        {{(Environment.UserName == "root" ? "user root;" : "")}}
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log notice;
        events { worker_connections 64; }
        http {
            log_format upstreams '$request_method $uri $status upstreams=$upstream_addr statuses=$upstream_status';
            access_log {{folder}}/access.log upstreams;
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            include {{folder}}/casebot.conf;
        }
        """;

    /// <summary>The committed file must still hold what is rewritten; a changed shape fails here, not in a riddle later.</summary>
    private static string ReplaceOnce(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(from, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"deploy/nginx.conf should contain \"{from}\" exactly once.");
        return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }

    /// <summary>The nginx program. Missing it is a failure, never a skip: tests/run.sh installs it.</summary>
    public static string Binary =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, "nginx")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "nginx is not installed, so the proxy test cannot run. Run `bash tests/run.sh` (it installs Debian's nginx " +
            "through tests/nginx.sh), or `source tests/nginx.sh && casebot_nginx_install`.");

    private async Task WaitListeningAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException(
                $"nginx exited with {_process.ExitCode}: {(File.Exists(ErrorLog) ? File.ReadAllText(ErrorLog) : "(no error log)")}");
            try
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                await tcp.ConnectAsync(Http.BaseAddress!.Host, Http.BaseAddress.Port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < until)
            {
                // not listening yet
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The access log's lines so far: "METHOD /path status upstreams=a, b statuses=502, 200".</summary>
    public IReadOnlyList<string> Requests() =>
        File.Exists(AccessLog) ? File.ReadAllLines(AccessLog) : [];

    /// <summary>Waits for the access log to reach <paramref name="count"/> lines (nginx logs after it answered).</summary>
    public async Task<IReadOnlyList<string>> RequestsAsync(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Requests() is var lines && lines.Count < count)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"nginx logged {lines.Count} of {count} requests: {string.Join('\n', lines)}");
            await Task.Delay(20);
        }
        return Requests();
    }

    public void Dispose()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit(10_000);
        _process.Dispose();
        Http.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
