using System.Text.RegularExpressions;
using CaseBot.Domain.Entities;
using CaseBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CaseBot.Tests.Reliability;

/// <summary>
/// The real `casebot` killed with SIGKILL, again and again, while field users are in the middle of reports and right
/// after confirmations. Each user is its own process (terminal user id) on one shared database. What a user saw on
/// stdout is what counts: every report number confirmed to them must be in the database exactly once, and every report
/// in the database must have been confirmed to them exactly once: a confirmation a kill cut off is printed from the
/// stored outbox when the bot starts again (none saved but unannounced). After each restart the conversation is where
/// it was (or one step on, when the kill came after the step was committed).
/// </summary>
[Collection(SerialProcesses.Name)]
public sealed partial class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Users = 3;
    private const int Rounds = 10;
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Killed_bots_lose_no_confirmed_report_and_every_conversation_resumes(StorageKind storage)
    {
        var seed = TestSeed.Get(20240315);
        output.WriteLine($"seed {seed} (set CASEBOT_TEST_SEED to replay), {storage}, {Users} users x {Rounds} kills");
        await using var database = TestDatabase.Create(storage);
        using (var first = BotProcess.Start(database, "70", database.Folder)) // migrates the fresh database
        {
            Assert.NotNull(await first.NextReplyAsync(ReplyTimeout));
            Assert.True(await first.CloseAsync(ReplyTimeout));
        }

        var users = Enumerable.Range(1, Users).Select(i => new FieldUser($"7{i}", new Random(seed + i), database)).ToList();
        await Task.WhenAll(users.Select(u => u.PlayAsync(Rounds)));

        foreach (var u in users)
            output.WriteLine($"user {u.Id}: {u.Known.Count} reports known, {u.Confirmations} confirmations seen, {u.Kills} kills " +
                             $"({u.KillsPending} mid-step, {u.KillsAfterConfirmation} right after a confirmation), " +
                             $"{u.ResumedMidFlow} resumed mid-flow, {u.AnnouncedOnRestart} confirmation(s) printed after a restart");
        output.WriteLine($"{users.Sum(u => u.Kills)} kills, {users.Sum(u => u.Known.Count)} reports, {users.Sum(u => u.Confirmations)} " +
                         "confirmations seen, 0 saved but unannounced (asserted below)");
        await using var db = database.CreateContext();
        foreach (var u in users)
        {
            var reporter = await db.Reporters.SingleAsync(r => r.Identities.Any(i => i.Channel == "terminal" && i.ExternalUserId == u.Id));
            var events = await db.Events.Where(e => e.ReporterId == reporter.Id).Include(e => e.Reports).ToListAsync();
            var cases = await db.Cases.Where(c => c.ReporterId == reporter.Id).ToListAsync();
            var inDb = events.Select(e => e.Number).Concat(cases.Select(c => c.Number)).ToList();
            Assert.Equal(inDb.Count, inDb.Distinct().Count());
            Assert.Equal(u.Known.Order(), inDb.Order()); // every report the user knows of, once; none they don't
            Assert.All(events, e => Assert.Single(e.Reports));
        }
        Assert.True(users.Sum(u => u.Confirmations) >= Users, "too few confirmations to prove anything");
        Assert.True(users.Sum(u => u.KillsPending) > 0 && users.Sum(u => u.KillsAfterConfirmation) > 0 && users.Sum(u => u.ResumedMidFlow) > 0);
    }

    /// <summary>Where a user is: idle, or a step of a flow.</summary>
    private sealed record State(string? Flow, string? Step)
    {
        public static readonly State Idle = new(null, null);
        public bool IsIdle => Flow is null;
        public int Index => Flows[Flow!].ToList().FindIndex(s => s.Step == Step);
        public override string ToString() => IsIdle ? "idle" : $"{Flow}/{Step}";
    }

    /// <summary>Each flow's questions, in order, by a phrase only that question contains, with a field user's answer.</summary>
    private static readonly Dictionary<string, (string Phrase, string Step, Func<FieldUser, string> Answer)[]> Flows = new()
    {
        ["daftar"] =
        [
            ("Periksa pendaftaran", "summary", _ => "simpan"),
            ("nama lengkap Anda", "name", u => $"Relawan {u.Id}"),
            ("Apa peran Anda", "role", _ => "Tagana"),
            ("kabupaten mana Anda", "kabupaten", _ => "Luwu Timur"),
            ("kecamatan mana Anda bertugas", "kecamatan", _ => "Malili"),
        ],
        ["bencana"] =
        [
            ("Periksa laporan bencana", "summary", _ => "simpan"),
            ("kejadian baru, atau pembaruan", "event", _ => "Kejadian baru"),
            ("Jenis bencana apa", "kind", _ => "Banjir"),
            ("Di kecamatan mana?", "kecamatan", _ => "Malili"),
            ("Nama desa/kelurahan", "desa", u => $"Dusun {u.Id}-{u.Next()}"),
            ("Kapan kejadiannya", "date", _ => "hari ini"),
            ("korban meninggal", "meninggal", _ => "0"),
            ("korban hilang", "hilang", _ => "0"),
            ("korban luka", "luka", _ => "1"),
            ("orang mengungsi", "mengungsi", _ => "5"),
            ("jiwa terdampak", "jiwa", _ => "10"),
            ("KK terdampak", "kk", _ => "3"),
            ("sudah tertangani", "tertangani", _ => "4"),
        ],
        ["ppks"] =
        [
            ("Periksa laporan PPKS", "summary", _ => "simpan"),
            ("Jenis PPKS apa", "type", _ => "Lanjut usia terlantar"),
            ("Nama lengkap (untuk keluarga", "name", u => $"Warga {u.Id} {u.Next()}"),
            ("NIK (16 angka)", "nik", _ => "lewati"),
            ("Di kecamatan mana?", "kecamatan", _ => "Malili"),
            ("Nama desa/kelurahan", "desa", _ => "Baruga"),
            ("sudah ada kasus", "dup", _ => "Tetap buat kasus baru"),
            ("Jenis kelamin?", "sex", _ => "Perempuan"),
            ("Umur (tahun)", "age", _ => "70"),
            ("Ceritakan singkat", "desc", _ => "Tinggal sendiri"),
            ("Layanan apa", "service", _ => "Permakanan"),
            ("Status kasus sekarang", "status", _ => "baru"),
        ],
    };

    // Flow order for the resume check: the summary is listed first above only so it is matched first.
    private static int Order(State s) => s.Step == "summary" ? 100 : s.Index;

    [GeneratedRegex(@"tersimpan dengan nomor ((?:BC|PK)-\d{4}-\d{4,})")]
    private static partial Regex Confirmation();

    [GeneratedRegex(@"• ((?:BC|LG|PK)-\d{4}-\d{4,}):")]
    private static partial Regex Listed();

    private sealed class FieldUser(string id, Random rng, TestDatabase database)
    {
        public string Id => id;
        public HashSet<string> Known { get; } = [];
        public int Confirmations, Kills, KillsPending, KillsAfterConfirmation, ResumedMidFlow, AnnouncedOnRestart;
        private State _state = State.Idle;
        private State? _pendingFrom; // the state an answer was sent in, until its reply is seen
        private string? _pendingAnswer;
        private bool _registered, _killedMidFlow;
        private int _counter, _reports;
        private readonly List<string> _trace = [];

        public int Next() => ++_counter;

        public async Task PlayAsync(int rounds)
        {
            for (var round = 0; round <= rounds; round++)
            {
                var final = round == rounds;
                using var bot = BotProcess.Start(database, id, database.Folder);
                // Mostly killed a while into the conversation; sometimes while it is still starting (migrations).
                var duringStartUp = !final && rng.Next(5) == 0;
                if (duringStartUp) _ = KillLaterAsync(bot, rng.Next(0, 2500));
                var start = await bot.NextReplyAsync(ReplyTimeout);
                if (start is null) { Killed(bot); continue; } // died starting up
                // What a kill cut off is printed from the outbox before the first prompt.
                if (See(start))
                {
                    AnnouncedOnRestart++;
                    if (_pendingFrom is { Step: "summary" }) (_pendingFrom, _pendingAnswer, _state) = (null, null, State.Idle);
                }
                await bot.SendAsync("/laporanku"); // read-only: shows the user's reports and, mid-flow, re-asks the question
                var probe = await bot.NextReplyAsync(ReplyTimeout);
                if (probe is null) { Killed(bot); continue; }
                CheckResumed(probe);
                if (!final && !duringStartUp) _ = KillLaterAsync(bot, rng.Next(100, 2500));

                for (var steps = 0; !final || steps < 40; steps++)
                {
                    var answer = Answer();
                    (_pendingFrom, _pendingAnswer) = (_state, answer);
                    await bot.SendAsync(answer);
                    // Kill while the step is handled: at random, and surely once mid-flow so a resume is proven.
                    var forced = !_killedMidFlow && steps >= 2 && !_state.IsIdle && _state.Step != "summary";
                    if (!final && (forced || rng.NextDouble() < 0.08))
                    {
                        _killedMidFlow |= forced;
                        await Task.Delay(rng.Next(0, 30));
                        bot.Kill(); // while the step is being handled (or before it was read)
                    }
                    var reply = await bot.NextReplyAsync(ReplyTimeout);
                    if (reply is null) { Killed(bot); break; }
                    (_pendingFrom, _pendingAnswer) = (null, null);
                    var confirmed = See(reply);
                    _state = Parse(reply, _state);
                    if (!final && confirmed && (KillsAfterConfirmation == 0 || rng.NextDouble() < 0.3))
                    {
                        bot.Kill();
                        KillsAfterConfirmation++;
                        await bot.NextReplyAsync(ReplyTimeout);
                        Killed(bot);
                        break;
                    }
                }
                if (final) Assert.True(await bot.CloseAsync(ReplyTimeout), $"user {id}: casebot did not exit cleanly");
            }
        }

        private static async Task KillLaterAsync(BotProcess bot, int ms)
        {
            await Task.Delay(ms);
            bot.Kill();
        }

        private void Killed(BotProcess bot)
        {
            Kills++;
            if (_pendingAnswer is null) return;
            KillsPending++;
            // A confirmation printed in full before the kill was seen, even without the prompt after it.
            if (See(bot.Tail))
            {
                (_pendingFrom, _pendingAnswer, _state) = (null, null, State.Idle);
                _trace.Add("confirmation seen in the last output before the kill");
            }
        }

        private bool See(string text)
        {
            var numbers = Confirmation().Matches(text).Select(m => m.Groups[1].Value).ToList();
            foreach (var n in numbers)
            {
                Assert.True(Known.Add(n), $"user {id}: {n} confirmed twice");
                Confirmations++;
            }
            if (text.Contains("dengan hak admin")) _registered = true;
            return numbers.Count > 0;
        }

        private string Answer()
        {
            if (_state.IsIdle)
            {
                if (!_registered) return "/daftar";
                return ++_reports % 2 == 0 ? "/ppks" : "/bencana";
            }
            return Flows[_state.Flow!].Single(s => s.Step == _state.Step).Answer(this);
        }

        /// <summary>The question a reply ends with, in the flow the user is in (or is starting).</summary>
        private State Parse(string reply, State current)
        {
            var at = reply.LastIndexOf("Lanjutkan:", StringComparison.Ordinal);
            var question = at >= 0 ? reply[at..] : reply;
            var flow = current.Flow ?? (_pendingAnswer ?? "").TrimStart('/') switch { "daftar" => "daftar", "bencana" => "bencana", "ppks" => "ppks", _ => null };
            IEnumerable<string> candidates = flow is null ? Flows.Keys : Flows.Keys.OrderBy(f => f == flow ? 0 : 1);
            foreach (var f in candidates)
                foreach (var s in Flows[f])
                    if (question.Contains(s.Phrase, StringComparison.Ordinal))
                        return new State(f, s.Step);
            return State.Idle;
        }

        private void CheckResumed(string probe)
        {
            var before = _state;
            var from = _pendingFrom;
            var answer = _pendingAnswer;
            var after = Parse(probe, from is { IsIdle: true } ? State.Idle : before);
            var where = $"user {id}: before the kill {before}, pending {(answer is null ? "nothing" : $"'{answer}' in {from}")}, now {after}\n{probe}\n{string.Join("\n", _trace.TakeLast(5))}";
            _registered = !probe.Contains("belum terdaftar");
            var listedPart = probe.Split("Lanjutkan:")[0];
            var unknown = Listed().Matches(listedPart).Select(m => m.Groups[1].Value).Where(n => !Known.Contains(n)).ToList();
            if (!after.IsIdle) ResumedMidFlow++;

            if (answer is null)
            {
                Assert.True(after == before, "resumed elsewhere: " + where);
                Assert.True(unknown.Count == 0, "unconfirmed reports appeared: " + where);
            }
            else if (from!.Step == "summary" && after.IsIdle)
            {
                // Saved before the kill: its confirmation is printed when the bot starts again, so it is known already.
                Assert.True(unknown.Count == 0, "a saved report was never announced: " + where);
            }
            else
            {
                Assert.True(unknown.Count == 0, "unconfirmed reports appeared: " + where);
                var resumedOk = after == from
                    || (from.IsIdle && after.IsIdle)
                    || (from.IsIdle && !after.IsIdle && Order(after) <= 2) // the flow's first question
                    || (!from.IsIdle && after.Flow == from.Flow && Order(after) > Order(from) && Order(after) <= Order(from) + 2)
                    || (!from.IsIdle && after.Flow == from.Flow && after.Step == "summary");
                Assert.True(resumedOk, "resumed elsewhere: " + where);
            }
            _trace.Add($"resumed {after} (was {before}, pending {answer})");
            (_state, _pendingFrom, _pendingAnswer) = (after, null, null);
        }
    }
}
