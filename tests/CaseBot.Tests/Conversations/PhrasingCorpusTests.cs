using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseBot.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CaseBot.Tests.Conversations;

/// <summary>
/// phrasings.tsv: field messages as reporters type them, each with the meaning it must get. All of it goes through the
/// real engine as the test Tagana (Malili, Luwu Timur); what counts is what the bot did: the conversation it started and
/// the answers already in its draft, or the kind of reply (question, greeting, menu, not understood).
/// </summary>
public sealed partial class PhrasingCorpusTests(ITestOutputHelper output)
{
    private const string User = "10";
    private const double Required = 0.95;

    /// <summary>The draft fields a message may prefill, by flow (camelCase as in Conversations.DataJson).</summary>
    private static readonly Dictionary<string, string[]> Fields = new()
    {
        ["bencana"] = ["kind", "kecamatan", "desa", "date", "meninggal", "hilang", "luka", "mengungsi", "terdampak_jiwa", "terdampak_kk", "tertangani"],
        ["ppks"] = ["type", "kecamatan", "desa", "sex", "age"],
        ["logistik"] = ["item", "quantity", "unit", "date"],
    };

    public sealed record Row(int Line, string Text, string Intent, IReadOnlyDictionary<string, string> Expected);

    public static IReadOnlyList<Row> Load()
    {
        var path = Path.Combine(RepoRoot.Path, "tests", "CaseBot.Tests", "Conversations", "phrasings.tsv");
        var rows = new List<Row>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#')) continue;
            var cols = lines[i].Split('\t');
            var expected = FieldPattern().Matches(cols.Length > 2 ? cols[2] : "")
                .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
            rows.Add(new Row(i + 1, cols[0], cols[1].Trim(), expected));
        }
        return rows;
    }

    [Fact]
    public void Corpus_is_big_and_varied()
    {
        var rows = Load();
        Assert.True(rows.Count >= 300, $"{rows.Count} phrasings");
        foreach (var intent in new[] { "bencana", "logistik", "ppks", "question", "greeting", "unknown", "help" })
            Assert.Contains(rows, r => r.Intent == intent);
    }

    [Fact]
    public async Task Phrasings_are_understood_by_the_engine()
    {
        var rows = Load();
        await using var bot = await Scenario.StartWithReporterAsync(User);
        var misses = new List<string>();
        var seeded = false;
        // Logistik needs an open event; a new one would make /bencana ask "new or existing" first, so it comes last.
        foreach (var row in rows.Where(r => r.Intent != "logistik").Concat(rows.Where(r => r.Intent == "logistik")))
        {
            if (row.Intent == "logistik" && !seeded)
            {
                await Scenario.ReportFloodAsync(bot, User);
                seeded = true;
            }
            var (intent, fields, reply) = await ReadAsync(bot, row.Text);
            var wrong = intent != row.Intent
                ? $"got {intent}"
                : string.Join(", ", (Fields.GetValueOrDefault(intent) ?? []).Select(k =>
                        (Want: row.Expected.GetValueOrDefault(k), Got: fields.GetValueOrDefault(k), Key: k))
                    .Where(x => x.Want != x.Got).Select(x => $"{x.Key}={x.Got ?? "∅"} (want {x.Want ?? "∅"})"));
            if (wrong.Length > 0)
                misses.Add($"line {row.Line}: \"{row.Text}\" → want {row.Intent} {string.Join(' ', row.Expected.Select(e => $"{e.Key}={e.Value}"))}; {wrong} | {reply}");
        }

        var share = (double)(rows.Count - misses.Count) / rows.Count;
        output.WriteLine($"Understood {rows.Count - misses.Count} of {rows.Count} phrasings ({share.ToString("P1", CultureInfo.InvariantCulture)}).");
        foreach (var miss in misses) output.WriteLine(miss);
        Assert.True(share >= Required, $"Understood {share:P1}; misses:\n{string.Join("\n", misses)}");
    }

    /// <summary>What the bot made of one message; any flow it started is cancelled again.</summary>
    private static async Task<(string Intent, Dictionary<string, string> Fields, string Reply)> ReadAsync(BotHarness bot, string text)
    {
        var replies = await bot.SendAsync(User, text);
        var reply = string.Join(" / ", replies.Select(r => r.Text.Split('\n')[0]));
        await using var db = bot.Db();
        var conversation = db.Conversations.SingleOrDefault(c => c.UserKey == $"{BotHarness.Channel}:{User}");
        if (conversation is not null)
        {
            var fields = new Dictionary<string, string>();
            var root = JsonDocument.Parse(conversation.DataJson).RootElement;
            var counts = root.TryGetProperty("counts", out var c) ? c.EnumerateObject() : default;
            // Victim counts are nested ("counts": {"terdampakJiwa": 120}); the corpus names them by question key.
            foreach (var p in root.EnumerateObject().Concat(counts.Select(x => x)))
                if (p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                    fields[QuestionKey(p.Name)] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            await bot.Say(User, "/batal");
            return (conversation.Flow, fields, reply);
        }
        var all = string.Join("\n", replies.Select(r => r.Text));
        var intent =
            all.Contains("Belum ada kejadian bencana terbuka") ? "logistik"
            : all.StartsWith("Maaf, saya belum paham", StringComparison.Ordinal) ? "unknown"
            : all.StartsWith("Halo, ", StringComparison.Ordinal) || all.StartsWith("Sama-sama, ", StringComparison.Ordinal) ? "greeting"
            : all.StartsWith("Menu ", StringComparison.Ordinal) ? "help"
            : all.Contains("Angka capaian hanya bisa dilihat petugas dinas") ? "question"
            : "other";
        return (intent, [], reply);
    }

    private static string QuestionKey(string jsonName) => jsonName switch
    {
        "terdampakJiwa" => "terdampak_jiwa",
        "terdampakKk" => "terdampak_kk",
        _ => jsonName,
    };

    [GeneratedRegex(@"(\w+)=(.*?)(?=\s+\w+=|$)")]
    private static partial Regex FieldPattern();
}
