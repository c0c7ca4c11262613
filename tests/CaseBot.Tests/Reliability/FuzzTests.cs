using System.Text.Json;
using System.Text.RegularExpressions;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Messages;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CaseBot.Tests.Reliability;

/// <summary>
/// 10,000 random and hostile messages from several users (admin, reporters of two kabupaten, an officer, a stranger)
/// through the real engine: half of them a user trying to get a report done, the rest hostile text, stale and forged
/// buttons, commands in the middle of flows, photos, group chatter and redeliveries. The engine must never take its
/// error path, must answer every private message in Indonesian, must leak no NIK or name, and the database must stay
/// consistent.
/// </summary>
public sealed partial class FuzzTests(ITestOutputHelper output)
{
    private const int Messages = 10_000;
    private const string Group = "-100777";
    private const string Admin = BotHarness.AdminId;

    private static readonly string[] PersonNames =
        ["Hasnah Binti Lamusu", "Siti Aminah Rauf", "Yohanes Taek Seran", "Maria Goreti Bano", "Andi Baso Tenri"];

    /// <summary>Words nearly every Indonesian reply has; an English or empty reply has none.</summary>
    private static readonly HashSet<string> IndonesianWords =
    [
        "anda", "yang", "ketik", "tidak", "pilih", "berapa", "laporan", "silakan", "mohon", "maaf", "belum", "sudah", "kasus",
        "kejadian", "perintah", "tombol", "jumlah", "nama", "tanggal", "di", "untuk", "dan", "dari", "apa", "mana", "menu",
        "pesan", "bantuan", "status", "riwayat", "periksa", "tersimpan", "terdaftar", "lanjutkan", "pendaftar", "harus",
        "atau", "ini", "itu", "dengan", "ada", "bisa", "hanya", "bagian", "selamat", "tetap", "terlalu", "ubah", "kembali",
        "jenis", "kelamin", "umur", "kapan", "siapa", "layanan", "kecamatan", "desa", "kelurahan", "bencana", "korban",
        "satuan", "penerima", "peran", "kabupaten", "catatan", "jiwa", "lokasi", "foto", "disalurkan", "diserahkan",
        "singkat", "huruf", "dalam", "dihitung", "pendaftaran", "baru", "menunggu", "persetujuan", "disetujui", "ditolak",
    ];

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Ten_thousand_hostile_messages_get_indonesian_answers_and_leave_the_data_consistent(StorageKind storage)
    {
        var seed = TestSeed.Get(1945);
        output.WriteLine($"seed {seed} (set CASEBOT_TEST_SEED to replay), {storage}, {Messages} messages");
        var rng = new Random(seed);
        // The production flood limit is on; a second passes per message, as it would between people typing.
        await using var bot = await BotHarness.StartAsync(storage, extraArgs: ["--CaseBot:FloodMessages=20", "--CaseBot:FloodWindowSeconds=10"]);
        await Scenario.RegisterAdminAsync(bot);
        await Scenario.RegisterApprovedAsync(bot, "10", "Rahmat Tagana");
        await Scenario.RegisterApprovedAsync(bot, "20", "Siti TKSK", role: "TKSK", kecamatan: "Wotu");
        await Scenario.RegisterApprovedAsync(bot, "30", "Pak Petugas", role: "Petugas Dinas", kecamatan: "Seluruh kabupaten");
        await Scenario.RegisterApprovedAsync(bot, "50", "Relawan Mamuju", kabupaten: "Mamuju", kecamatan: "Kalukku");
        bot.ErrorLog.Errors.Clear(); // PostgreSQL: EF logs the first connection to a database it then creates
        var users = new[] { Admin, "10", "20", "30", "40", "50" }.ToDictionary(u => u, u => new UserState(u));
        var hostile = new HostileInput(rng, 1000);
        var staleButtons = new List<Choice>();
        var sent = new List<IncomingMessage>();
        var stats = new Dictionary<string, int>();
        var id = 0;

        for (var i = 0; i < Messages; i++)
        {
            bot.Clock.Advance(TimeSpan.FromSeconds(1));
            var user = users.Values.ElementAt(rng.Next(users.Count));
            var (kind, message) = Next(rng, hostile, user, staleButtons, sent, ref id);
            stats[kind] = stats.GetValueOrDefault(kind) + 1;
            var replies = await bot.Engine.HandleAsync(message);
            var context = $"#{i} {kind} from {user.Id}: {Show(message)}";

            foreach (var reply in replies)
            {
                Assert.False(string.IsNullOrWhiteSpace(reply.Text), $"empty reply to {reply.ChatId}: {context}; all replies: " +
                    string.Join(" | ", replies.Select(r => $"[{r.ChatId}] {r.Text}")));
                Assert.False(reply.Text.Contains("terjadi gangguan"), $"the engine failed at {context}:\n{string.Join("\n", bot.ErrorLog.Errors)}");
                Assert.True(LooksIndonesian(reply.Text), $"not Indonesian: {reply.Text}\n{context}");
                CheckPersonalData(reply, users, context);
                staleButtons.AddRange(reply.Choices);
                if (users.TryGetValue(reply.ChatId, out var recipient) && reply.Channel == BotHarness.Channel) recipient.Last = reply;
            }
            var own = replies.Where(r => r.ChatId == message.ChatId).ToList();
            if (kind == "redelivery") Assert.True(own.Count == 0, "a redelivery was answered: " + context);
            else if (message.ChatKind == ChatKind.Group && !IsCommand(message)) Assert.True(own.Count == 0, "group chatter was answered: " + context);
            else Assert.True(own.Count > 0, "no reply: " + context);
            Assert.True(bot.ErrorLog.Errors.IsEmpty, $"the engine logged an error at {context}:\n{string.Join("\n", bot.ErrorLog.Errors)}");
            if (kind != "redelivery" && (message.Text?.Length ?? 0) <= 1000) sent.Add(message);
        }

        output.WriteLine(string.Join(", ", stats.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")));
        await AssertConsistentAsync(bot);
    }

    private sealed class UserState(string id)
    {
        public string Id => id;
        public OutgoingMessage? Last;
        public HashSet<string> TypedNiks { get; } = [];
    }

    private static (string Kind, IncomingMessage Message) Next(Random rng, HostileInput hostile, UserState user,
        List<Choice> staleButtons, List<IncomingMessage> sent, ref int id)
    {
        var message = new IncomingMessage
        {
            Channel = BotHarness.Channel, UserId = user.Id, ChatId = user.Id, MessageId = $"fz-{++id}", DisplayName = "Fuzz",
        };
        var roll = rng.Next(100);
        switch (roll)
        {
            case < 40:
                return ("sensible", Sensible(rng, user, message));
            case < 48 when staleButtons.Count > 0:
                return ("stale button", message with { ButtonData = staleButtons[rng.Next(staleButtons.Count)].Data });
            case < 52:
                return ("forged button", message with { ButtonData = hostile.ButtonData() });
            case < 75:
                return ("hostile text", message with { Text = hostile.Text() });
            case < 86:
                return ("command", message with { Text = hostile.Command() });
            case < 89:
                return ("attachment", rng.Next(3) switch
                {
                    0 => message with { PhotoFileId = "photo-" + id },
                    1 => message with { Location = new GeoPoint(rng.NextDouble() * 180 - 90, rng.NextDouble() * 360 - 180) },
                    _ => message, // a sticker or voice note: nothing the engine reads
                });
            case < 95:
                return ("group", message with
                {
                    ChatId = Group, ChatKind = ChatKind.Group,
                    Text = rng.Next(2) == 0 ? hostile.Text() : hostile.Command().Replace("/status", "/status@CaseBot"),
                });
            default:
                var mine = sent.Where(m => m.UserId == user.Id && m.ChatKind == ChatKind.Private).ToList();
                return mine.Count == 0 ? ("hostile text", message with { Text = hostile.Text() }) : ("redelivery", mine[rng.Next(mine.Count)]);
        }
    }

    /// <summary>What a user trying to finish a report would do: press an offered button, or type a fitting answer.</summary>
    private static IncomingMessage Sensible(Random rng, UserState user, IncomingMessage message)
    {
        var last = user.Last;
        if (last is null) return message with { Text = rng.Next(2) == 0 ? "/bencana" : "/ppks" };
        var choices = last.Choices;
        var simpan = choices.FirstOrDefault(c => c.Label.Contains("Simpan"));
        if (simpan is not null && rng.Next(10) < 7) return message with { ButtonData = simpan.Data };
        if (choices.Count > 0 && (!last.AcceptsText || rng.Next(2) == 0))
            return message with { ButtonData = choices[rng.Next(choices.Count)].Data };
        var q = last.Text;
        string text;
        if (q.Contains("NIK"))
        {
            text = rng.Next(2) == 0 ? "lewati" : $"7324{rng.Next(10, 99)}{rng.Next(1, 28) + (rng.Next(2) * 40):00}{rng.Next(1, 13):00}{rng.Next(40, 99)}{rng.Next(1, 9999):0000}";
            if (text != "lewati") user.TypedNiks.Add(text);
        }
        else if (q.Contains("Berapa") || q.Contains("jumlahnya")) text = rng.Next(0, 300).ToString();
        else if (q.Contains("Kapan")) text = rng.Next(2) == 0 ? "hari ini" : "kemarin";
        else if (q.Contains("Umur")) text = rng.Next(1, 95).ToString();
        else if (q.Contains("Nama lengkap")) text = PersonNames[rng.Next(PersonNames.Length)];
        else if (q.Contains("desa")) text = "Puncak Indah";
        else if (q.Contains("Satuan")) text = "paket";
        else if (q.Contains("Di mana")) text = "Posko utama";
        else if (q.Contains("Ceritakan") || q.Contains("Catatan")) text = "Kondisi sudah membaik";
        else text = new[] { "/bencana", "/ppks", "/logistik", "/laporanku", "/batal" }[rng.Next(5)];
        return message with { Text = text };
    }

    /// <summary>As the engine reads it: after control characters are dropped ("\0 /ubah" is "/ubah").</summary>
    private static bool IsCommand(IncomingMessage m) =>
        InboundText.Clean(m.Text)?.Trim() is { Length: > 1 } t && t.StartsWith('/');

    private static bool LooksIndonesian(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Any(w => IndonesianWords.Contains(w.Value));

    /// <summary>A full NIK only for admins or the user who typed it; in groups no NIK and no name at all.</summary>
    private static void CheckPersonalData(OutgoingMessage reply, Dictionary<string, UserState> users, string context)
    {
        var niks = NikPattern().Matches(reply.Text).Select(m => m.Value).ToList();
        if (reply.ChatId == Group)
        {
            Assert.True(niks.Count == 0, $"NIK in a group: {reply.Text}\n{context}");
            Assert.DoesNotContain(PersonNames, n => reply.Text.Contains(n));
            return;
        }
        if (reply.ChatId == Admin || !users.TryGetValue(reply.ChatId, out var recipient)) return;
        foreach (var nik in niks)
            Assert.True(recipient.TypedNiks.Contains(nik), $"{reply.ChatId} saw a NIK they never typed: {reply.Text}\n{context}");
    }

    private async Task AssertConsistentAsync(BotHarness bot)
    {
        await using var db = bot.Db();
        var reporters = (await db.Reporters.Select(r => r.Id).ToListAsync()).ToHashSet();
        var events = await db.Events.Include(e => e.Reports).ToListAsync();
        var cases = await db.Cases.ToListAsync();
        var aid = await db.Aid.ToListAsync();
        Assert.True(events.Count + cases.Count + aid.Count >= 10, "the fuzz never got reports saved; it proves little");
        output.WriteLine($"saved: {events.Count} events ({events.Sum(e => e.Reports.Count)} reports), {aid.Count} aid, {cases.Count} cases, " +
                         $"{await db.Audit.CountAsync()} audit rows, {await db.Reporters.CountAsync()} users");
        foreach (var e in events)
        {
            Assert.NotEmpty(e.Reports);
            var last = e.Reports.OrderBy(r => r.Id).Last().Counts;
            Assert.Equivalent(last, e.Counts); // the event's figures are those of its latest report
            Assert.True(e.Counts.Tertangani <= e.Counts.TotalKorban);
            Assert.Contains(e.ReporterId, reporters);
            Assert.All(e.Reports, r => Assert.Contains(r.ReporterId, reporters));
        }
        Assert.Equal(cases.Count, cases.Select(c => c.Number).Distinct().Count());
        Assert.Equal(events.Count, events.Select(e => e.Number).Distinct().Count());
        Assert.All(cases, c => Assert.Contains(c.ReporterId, reporters));
        var eventIds = events.Select(e => e.Id).ToHashSet();
        Assert.All(aid, a => { Assert.Contains(a.EventId, eventIds); Assert.Contains(a.ReporterId, reporters); });
        Assert.All(await db.Identities.ToListAsync(), i => Assert.Contains(i.ReporterId, reporters));

        var subjects = events.Select(e => e.Number).Concat(cases.Select(c => c.Number)).Concat(aid.Select(a => a.Number))
            .Concat(reporters.Select(r => $"USR-{r}")).ToHashSet();
        foreach (var a in await db.Audit.ToListAsync())
        {
            Assert.Contains(a.Subject, subjects); // no audit row about something that does not exist
            if (a.ByReporterId is { } by) Assert.Contains(by, reporters);
        }
        var flows = new[] { "daftar", "bencana", "ubahbencana", "logistik", "ppks", "ubahkasus" };
        foreach (var c in await db.Conversations.ToListAsync())
        {
            Assert.Contains(c.Flow, flows);
            Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(c.DataJson).RootElement.ValueKind); // a typed draft
            Assert.True(c.DraftVersion > 0);
        }
    }

    private static string Show(IncomingMessage m) =>
        $"text={Trim(m.Text)} button={Trim(m.ButtonData)} photo={m.PhotoFileId} location={m.Location} chat={m.ChatId} id={m.MessageId}";

    private static string? Trim(string? s) => s is null ? null : JsonSerializer.Serialize(s.Length > 80 ? s[..80] + "…" : s);

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<!\d)\d{16}(?!\d)")]
    private static partial Regex NikPattern();
}
