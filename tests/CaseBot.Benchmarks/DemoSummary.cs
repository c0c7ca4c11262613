using CaseBot.Domain.Configuration;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;
using CaseBot.Host;
using CaseBot.Reporting.Summary;
using CaseBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CaseBot.Benchmarks;

/// <summary>
/// Plays a short demo week in Luwu Timur through the engine (March 2024, so the LKj 2024 targets apply) and writes the
/// daily summary it produces: docs/ringkasan-contoh.txt and docs/ringkasan-contoh.png (shown in the README).
/// </summary>
public static class DemoSummary
{
    public static async Task<int> RunAsync(string folder)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 3, 18, 1, 0, 0, TimeSpan.Zero)); // 09:00 WITA
        var data = Directory.CreateTempSubdirectory("casebot-demo-").FullName;
        using var host = CaseBotHost.Build(
            [$"--CaseBot:Storage:ConnectionString=Data Source={Path.Combine(data, "demo.db")}", "--CaseBot:Terminal:Enabled=false", "--CaseBot:Admins:0=demo:1",
             "--CaseBot:FloodMessages=0"], // the demo types faster than people; its clock stands still,
            b => b.Services.AddSingleton<TimeProvider>(clock));
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var engine = host.Services.GetRequiredService<ConversationEngine>();
        var n = 0;
        async Task<IReadOnlyList<OutgoingMessage>> Send(string user, string? text, string? button = null) =>
            await engine.HandleAsync(new IncomingMessage { Channel = "demo", UserId = user, ChatId = user, Text = text, ButtonData = button, MessageId = $"d{++n}" });
        async Task Say(string user, params string[] lines)
        {
            foreach (var line in lines)
            {
                var replies = await Send(user, line);
                if (Environment.GetEnvironmentVariable("DEMO_TRACE") is not null)
                    Console.WriteLine($"{user}> {line}\n   {string.Join(" | ", replies.Select(r => r.Text.Split('\n')[0]))}");
                // With events open in the kabupaten, /bencana first asks whether this is a new one.
                if (line == "/bencana" && replies.SelectMany(r => r.Choices).Any(c => c.Data == CaseBot.Engine.Flows.DisasterFlow.NewEvent))
                    await Send(user, null, CaseBot.Engine.Flows.DisasterFlow.NewEvent);
            }
        }
        // The officer verifies what waits, the newest and largest first, leaving the last `leave` provisional.
        async Task<int> VerifyAsync(string officer, int leave)
        {
            var verified = 0;
            while (true)
            {
                var queue = await Send(officer, "/verifikasi");
                var buttons = queue.SelectMany(r => r.Choices).Where(c => c.Label.StartsWith("✅ Verifikasi", StringComparison.Ordinal)).ToList();
                if (buttons.Count == 0 || leave > 0 && CountWaiting(queue) <= leave) return verified;
                await Send(officer, null, buttons[0].Data);
                verified++;
            }
        }

        await Say("1", "/daftar", "Andi Kasi", "Petugas Dinas", "Luwu Timur", "Seluruh kabupaten", "simpan");
        foreach (var (user, name, role, kec) in new[] { ("2", "Rahmat", "Tagana", "Malili"), ("3", "Nurhayati", "TKSK", "Wotu"), ("4", "Yusuf", "Tagana", "Towuti") })
        {
            await Say(user, "/daftar", name, role, "Luwu Timur", kec, "simpan");
            await Say("1", $"/setujui {user}");
        }
        await Say("2", "/bencana", "Banjir", "Malili", "Puncak Indah", "hari ini", "0", "0", "3", "85", "240", "62", "180", "simpan");
        await Say("4", "/bencana", "Tanah longsor", "Towuti", "Asuli", "kemarin", "1", "0", "2", "12", "40", "9", "40", "simpan");
        await Say("3", "/bencana", "Angin puting beliung", "Wotu", "Lampenai", "hari ini", "0", "0", "1", "0", "55", "14", "20", "simpan");
        await Say("2", "/logistik", "1", "Permakanan", "510", "porsi", "85", "Orang", "Posko Puncak Indah", "hari ini", "simpan");
        await Say("2", "/logistik", "1", "Sandang (pakaian)", "60", "paket", "62", "KK", "Posko Puncak Indah", "hari ini", "simpan");
        await Say("4", "/logistik", "1", "Tenda / tempat penampungan", "4", "unit", "9", "KK", "Asuli", "hari ini", "simpan");
        foreach (var (user, type, name, kec, desa, sex, age, status) in new[]
                 {
                     ("3", "Lanjut usia terlantar", "Hasnah", "Wotu", "Lampenai", "Perempuan", "72", "ditangani"),
                     ("3", "Anak terlantar", "Rudi", "Wotu", "Bawalipu", "Laki-laki", "9", "baru"),
                     ("2", "Penyandang disabilitas", "La Baco", "Malili", "Baruga", "Laki-laki", "45", "selesai"),
                     ("2", "Fakir miskin", "Sitti", "Malili", "Lampia", "Perempuan", "52", "ditangani"),
                 })
            await Say(user, "/ppks", type, name, "lewati", kec, desa, sex, age, "Butuh pendampingan", "Bantuan sosial", status, "simpan");

        Console.WriteLine($"verified by the officer: {await VerifyAsync("1", leave: 1)} reports (one left waiting, to show the provisional figure)");

        clock.Advance(TimeSpan.FromHours(22)); // the next morning, 07:00 WITA
        var area = host.Services.GetRequiredService<RegionCatalog>().Find("Luwu Timur")!;
        var summary = await host.Services.GetRequiredService<DailySummaryComposer>().ComposeAsync(area, new DateOnly(2024, 3, 18), clock.GetUtcNow(), late: false);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "ringkasan-contoh.txt"), summary.Text + "\n");
        await File.WriteAllBytesAsync(Path.Combine(folder, "ringkasan-contoh.png"), summary.ChartPng);
        Console.WriteLine(summary.Text);
        Directory.Delete(data, recursive: true);
        return 0;
    }

    /// <summary>How many reports the queue says wait ("… 3 laporan menunggu …"), or the buttons it shows.</summary>
    private static int CountWaiting(IReadOnlyList<OutgoingMessage> queue)
    {
        var text = string.Join("\n", queue.Select(r => r.Text));
        var m = System.Text.RegularExpressions.Regex.Match(text, @"(\d+) laporan menunggu");
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : queue.SelectMany(r => r.Choices).Count();
    }
}
