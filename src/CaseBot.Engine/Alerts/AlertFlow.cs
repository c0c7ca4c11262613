using System.Runtime.CompilerServices;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;
using CaseBot.Engine.Flows;

namespace CaseBot.Engine.Alerts;

public sealed class AlertDraft
{
    /// <summary><see cref="AlertArea.Data"/>.</summary>
    public string? Area { get; set; }
    public string? Audience { get; set; }
    public string? Text { get; set; }
}

/// <summary>
/// /siaga: an officer sends a short message to the approved Tagana and/or TKSK of an area within their scope. The
/// summary names how many will get it; on Kirim every message is stored in the outbox with the alert, in one
/// transaction, so a restart mid-send neither loses nor repeats anyone. Recipients answer with one button.
/// </summary>
public sealed class AlertFlow : Flow<AlertDraft>
{
    public const int MaxText = 500;

    public override FlowInfo Info { get; } = new()
    {
        Name = "siaga", Title = "pesan siaga", Command = "siaga", MenuLine = "Kirim pesan siaga ke Tagana/TKSK satu wilayah",
        Roles = new HashSet<ReporterRole> { ReporterRole.Petugas },
    };

    protected override string ConfirmLabel => "📣 Kirim";

    protected override IReadOnlyList<Step<AlertDraft>> DefineSteps() =>
    [
        AreaStep(),
        StepLibrary<AlertDraft>.Pick("penerima", "Penerima", "Siapa yang dikirimi?", _ =>
            [new Choice("Tagana", nameof(AlertAudience.Tagana)), new Choice("TKSK", nameof(AlertAudience.Tksk)),
             new Choice("Tagana dan TKSK", nameof(AlertAudience.Keduanya))],
            d => d.Audience, (d, v) => d.Audience = v),
        StepLibrary<AlertDraft>.Text("pesan", "Pesan", $"Ketik pesan siaganya (singkat, maks. {MaxText} huruf), contoh: " +
            "Banjir di Kalukku. Relawan yang bisa, kumpul di posko Kantor Camat pukul 14.00 WITA.", 5, MaxText, d => d.Text, (d, v) => d.Text = v),
    ];

    /// <summary>The wide areas as buttons; any area of one's scope, typed, is taken (a kecamatan among a hundred).</summary>
    private static Step<AlertDraft> AreaStep() => StepLibrary<AlertDraft>.Pick("wilayah", "Wilayah", "", _ => [], d => d.Area, (d, v) => d.Area = v) with
    {
        Prompt = ctx => Reachable(ctx).Count <= AlertArea.MostButtons
            ? "Kirim ke wilayah mana?"
            : "Kirim ke wilayah mana? Pilih kabupaten, atau ketik nama kecamatan (contoh: Kalukku).",
        Choices = ctx => Task.FromResult(AlertArea.Buttons(Reachable(ctx))),
        ChoicesOnly = false,
        Accept = (ctx, value) =>
        {
            var (area, problem) = AlertArea.Resolve(Reachable(ctx), value);
            if (area is null) return Task.FromResult(StepResult.Invalid(problem!));
            ctx.Draft.Area = area.Data;
            return Task.FromResult(StepResult.Ok);
        },
        Display = (ctx, d) => AlertArea.Find(Reachable(ctx), d.Area)?.Label ?? d.Area,
    };

    private static IReadOnlyList<AlertArea> Reachable(FlowContext<AlertDraft> ctx) =>
        AlertArea.Reachable(ctx.Reference.Regions, ctx.Reporter, ctx.Session.IsAdmin);

    protected override IReadOnlyList<Invariant<AlertDraft>> Invariants { get; } =
    [
        Invariant<AlertDraft>.Of("wilayah", ctx => AlertArea.Find(Reachable(ctx), ctx.Draft.Area) is null
            ? "Wilayah itu di luar wilayah tugas Anda. Pilih lagi." : null),
        new("penerima", async ctx => (await RecipientsAsync(ctx)).Count == 0
            ? "Belum ada Tagana/TKSK terdaftar di wilayah itu. Pilih penerima atau wilayah lain." : null),
    ];

    /// <summary>Recipients found once per message and choice: Kirim checks them (the invariant) and then sends to them,
    /// and finding them reads every recipient's last chat.</summary>
    private static readonly ConditionalWeakTable<FlowSession, Dictionary<(string?, string?), Task<IReadOnlyList<AlertRecipients.Person>>>> Found = new();

    private static Task<IReadOnlyList<AlertRecipients.Person>> RecipientsAsync(FlowContext<AlertDraft> ctx)
    {
        var found = Found.GetOrCreateValue(ctx.Session);
        var key = (ctx.Draft.Area, ctx.Draft.Audience);
        if (!found.TryGetValue(key, out var people))
            found[key] = people = AlertArea.Find(Reachable(ctx), ctx.Draft.Area) is { } area
                ? AlertRecipients.FindAsync(ctx.Store, area, Enum.Parse<AlertAudience>(ctx.Draft.Audience!), ctx.Reporter?.Id)
                : Task.FromResult<IReadOnlyList<AlertRecipients.Person>>([]);
        return people;
    }

    protected override async Task<string> SummaryTitleAsync(FlowContext<AlertDraft> ctx) => (await RecipientsAsync(ctx)) is { Count: > 0 } people
        ? $"Periksa pesan siaga Anda. Akan dikirim ke {AlertRecipients.Describe(people)}:"
        : "⚠️ Belum ada penerima: tidak ada Tagana/TKSK terdaftar yang cocok di wilayah itu. Tekan Ubah untuk memilih wilayah atau penerima lain.";

    protected override async Task<Func<Reply>> SaveAsync(FlowContext<AlertDraft> ctx)
    {
        var area = AlertArea.Find(Reachable(ctx), ctx.Draft.Area)!;
        var people = await RecipientsAsync(ctx);
        var alert = new Alert
        {
            ByReporterId = ctx.Reporter?.Id ?? 0, Area = area.Label, Audience = Enum.Parse<AlertAudience>(ctx.Draft.Audience!),
            Text = ctx.Draft.Text!, CreatedAt = ctx.Now,
            Recipients = people.Select(p => new AlertRecipient { ReporterId = p.Reporter.Id, Channel = p.Channel, ChatId = p.ChatId, QueuedAt = ctx.Now }).ToList(),
        };
        ctx.Store.Add(alert);
        return () =>
        {
            // Written once the alert has its number, in the same transaction as the alert and its messages.
            ctx.Store.AddAudit(new AuditEntry
            {
                Subject = alert.Number, Field = "kirim", NewValue = $"{area.Label}, {alert.Audience}, {people.Count} penerima: {Domain.Text.Nik.MaskIn(alert.Text)}",
                ByReporterId = ctx.Reporter?.Id, At = ctx.Now,
            });
            var sender = ctx.Reporter?.Name ?? "Dinas Sosial";
            foreach (var p in people)
                ctx.Notices.Add(new OutgoingMessage(p.Channel, p.ChatId,
                    $"📣 SIAGA {alert.Number} · {area.Label}\nDari: {sender}\n\n{alert.Text}\n\nBisa bergabung? Tekan salah satu tombol.",
                    AlertAnswers.Buttons(alert.Id)) { ReporterId = p.Reporter.Id, Tag = alert.Tag });
            return new Reply($"📣 Siaga {alert.Number} sedang dikirim ke {AlertRecipients.Describe(people)}.\n" +
                             "Jawaban mereka (Siap / Tidak bisa) terkumpul di sini; laporan pengiriman lengkap menyusul.",
                [new Choice("📊 Lihat hasil", AlertResultsCommand.For(alert.Id))]);
        };
    }
}
