using System.Collections.Concurrent;
using System.Text.Json;
using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Commands;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;
using Microsoft.Extensions.Logging;

namespace CaseBot.Engine.Conversations;

/// <summary>
/// The channel-agnostic heart: takes one user action, returns what to send. Each call is one unit of work:
/// the conversation step, any saved report and the message id are committed together before anything is sent.
/// </summary>
public sealed class ConversationEngine(
    ICaseStoreFactory stores, ReferenceData reference, IEnumerable<FlowDefinition> flows, IEnumerable<ICommand> commands,
    IEnumerable<IFreeTextHandler> freeText, TimeProvider clock, ILogger<ConversationEngine> logger)
{
    private readonly Dictionary<string, FlowDefinition> _flows = flows.ToDictionary(f => f.Name);
    private readonly Dictionary<string, ICommand> _commands = commands.ToDictionary(c => c.Name);
    private readonly FlowRunner _runner = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _userLocks = new();
    private readonly FloodGuard _flood = new(reference.Options, clock);

    /// <summary>The commands that start flows, with their menu text.</summary>
    private static readonly (string Command, string Flow, string Description)[] FlowCommands =
    [
        ("bencana", "bencana", "Laporkan kejadian bencana & korbannya"),
        ("logistik", "logistik", "Laporkan bantuan logistik yang disalurkan"),
        ("ppks", "ppks", "Laporkan kasus PPKS"),
    ];

    /// <summary>Command name and description, for a channel's command menu (setMyCommands).</summary>
    public IReadOnlyList<(string Name, string Description)> Menu =>
        [("start", "Mulai"), ("bantuan", "Menu & bantuan"), ("daftar", "Daftar sebagai pelapor"),
         .. FlowCommands.Select(f => (f.Command, f.Description)),
         .. _commands.Values.Where(c => c.Access != CommandAccess.Admin).Select(c => (c.Name, c.Description)),
         ("batal", "Batalkan isian yang sedang berjalan")];

    public async Task<IReadOnlyList<OutgoingMessage>> HandleAsync(IncomingMessage message, CancellationToken ct = default)
    {
        message = InboundText.Clean(message);
        switch (_flood.Check(message.Channel, message.UserKey, out var wait))
        {
            case FloodVerdict.Drop:
                return [];
            case FloodVerdict.Notice:
                return message.ChatKind == ChatKind.Private ? [To(message, FloodGuard.NoticeText(wait))] : [];
        }
        var gate = _userLocks.GetOrAdd(message.UserKey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await HandleLockedAsync(message, ct);
        }
        catch (Exception ex)
        {
            // Nothing of this message was committed; what the user answered before is still saved.
            logger.LogError(ex, "Failed to handle message {MessageId} from {User}", message.MessageId, message.UserKey);
            return [To(message, "Maaf, terjadi gangguan di sistem. Jawaban Anda sebelumnya tetap tersimpan; silakan kirim ulang pesan terakhir.")];
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IReadOnlyList<OutgoingMessage>> HandleLockedAsync(IncomingMessage message, CancellationToken ct)
    {
        var text = message.Text;
        var addressed = message.ChatKind == ChatKind.Private || text?.TrimStart().StartsWith('/') == true;
        if (text is not null && text.Length > reference.Options.MaxTextLength && addressed)
            return [To(message, $"Pesan terlalu panjang ({text.Length} huruf). Maksimal {reference.Options.MaxTextLength} huruf; mohon dipersingkat.")];

        var now = clock.GetUtcNow();
        await using var store = await stores.OpenForUserAsync(message.UserKey, ct);
        if (message.MessageId is not null && !await store.TryMarkProcessedAsync(message.Channel, message.MessageId, now))
            return []; // a redelivery: it was handled (and answered) before

        if (message.ChatKind == ChatKind.Private) await store.TouchContactAsync(message.Channel, message.ChatId, now);
        var reporter = await store.FindReporterAsync(message.Channel, message.UserId);
        var turn = message.ChatKind == ChatKind.Group
            ? await HandleGroupAsync(store, message, reporter, now)
            : await HandlePrivateAsync(store, message, reporter, now);
        await store.CommitAsync();

        var replies = new List<OutgoingMessage>();
        if (turn.Reply is not null) replies.Add(To(message, turn.Reply));
        if (turn.AfterCommit is not null) replies.Add(To(message, turn.AfterCommit()));
        replies.AddRange(turn.Notices);
        return replies;
    }

    private sealed record Turn(Reply? Reply, Func<Reply>? AfterCommit, IReadOnlyList<OutgoingMessage> Notices);

    private async Task<Turn> HandlePrivateAsync(ICaseStore store, IncomingMessage message, Reporter? reporter, DateTimeOffset now)
    {
        var conversation = await store.GetConversationAsync(message.UserKey);
        var (command, argument) = ParseCommand(message);

        if (command == "batal" || message.ButtonData == FlowRunner.CancelData)
        {
            if (conversation is null) return Say("Tidak ada isian yang sedang berjalan. Ketik /bantuan untuk melihat menu.");
            await store.EndConversationAsync(message.UserKey);
            return Say($"❌ {Capitalize(_flows[conversation.Flow].Title)} dibatalkan. Tidak ada yang disimpan.\nKetik /bantuan untuk melihat menu.");
        }

        if (conversation is not null && _flows.TryGetValue(conversation.Flow, out var active))
        {
            var ctx = NewFlowContext(store, message, reporter, conversation, now);
            if (command is null)
            {
                if (message.PhotoFileId is not null || message.Location is not null)
                    return Say(await OnAttachmentAsync(active, ctx, conversation));
                var flowTurn = await _runner.HandleAsync(active, ctx, conversation);
                return await FinishStepAsync(store, ctx, conversation, flowTurn);
            }
            // A command in the middle of a flow: answer read-only ones, then re-ask; never drop the answers.
            var again = await _runner.RepeatAsync(active, ctx, conversation);
            var prefix = IsFlowCommand(command) || command is "daftar"
                ? $"Anda sedang mengisi {active.Title}. Selesaikan dulu, atau ketik /batal untuk membatalkannya."
                : (await RunCommandAsync(store, message, reporter, now, command, argument)).Reply?.Text;
            return Say(again with { Text = $"{prefix}\n\nLanjutkan: {again.Text}" });
        }
        if (conversation is not null) await store.EndConversationAsync(message.UserKey); // a flow this version no longer has

        if (command is null)
        {
            if (message.ButtonData is not null)
                return Say("Tombol itu sudah tidak berlaku. " + HelpText(reporter, message));
            if (reporter is { CanReport: true } && !string.IsNullOrWhiteSpace(message.Text))
            {
                var ctx = new CommandContext(store, reference, message, reporter, now);
                foreach (var handler in freeText)
                    if (await handler.TryAnswerAsync(ctx, message.Text) is { } answer)
                        return new Turn(answer, null, ctx.Notices);
            }
            return Say(HelpText(reporter, message));
        }
        if (command is "start" or "bantuan" or "help" or "menu")
            return Say(command == "start" ? Greeting(reporter) + "\n\n" + HelpText(reporter, message) : HelpText(reporter, message));
        if (ResolveFlow(command, argument) is { } start)
            return await StartFlowAsync(store, message, reporter, now, start.Flow, start.Argument);
        return await RunCommandAsync(store, message, reporter, now, command, argument);
    }

    private async Task<Turn> HandleGroupAsync(ICaseStore store, IncomingMessage message, Reporter? reporter, DateTimeOffset now)
    {
        var (command, argument) = ParseCommand(message);
        if (command is null) return new Turn(null, null, []); // groups: only commands addressed to the bot
        if (_commands.TryGetValue(command, out var c) && c.AllowedInGroups)
            return await RunCommandAsync(store, message, reporter, now, command, argument);
        if (command is "start" or "bantuan" or "help")
            return Say("Di grup saya hanya menjawab: " +
                       string.Join(", ", _commands.Values.Where(x => x.AllowedInGroups).Select(x => "/" + x.Name)) +
                       ". Untuk melapor atau melihat data pribadi, chat saya secara pribadi.");
        return Say("Perintah itu hanya bisa lewat chat pribadi dengan bot, agar data pribadi tidak tampil di grup.");
    }

    private async Task<Turn> RunCommandAsync(ICaseStore store, IncomingMessage message, Reporter? reporter, DateTimeOffset now,
        string command, string argument)
    {
        if (!_commands.TryGetValue(command, out var handler))
            return Say($"Perintah /{command} tidak dikenal.\n\n{HelpText(reporter, message)}");
        var ctx = new CommandContext(store, reference, message, reporter, now);
        if (Refusal(handler.Access, reporter, ctx.IsAdmin) is { } refusal) return Say(refusal);
        var reply = await handler.ExecuteAsync(ctx, argument);
        return new Turn(reply, null, ctx.Notices);
    }

    private static string? Refusal(CommandAccess access, Reporter? reporter, bool isAdmin) => access switch
    {
        CommandAccess.Anyone => null,
        CommandAccess.Admin or CommandAccess.Officer when isAdmin => null, // a configured admin before registering too
        CommandAccess.Admin => "Perintah itu khusus admin.",
        _ when AccessMessages.NotAllowedToReport(reporter) is { } refusal => refusal,
        CommandAccess.Officer when !reporter!.IsOfficer => "Perintah itu khusus petugas dinas.",
        _ => null,
    };

    private bool IsAdmin(Reporter? reporter, IncomingMessage message) =>
        reporter?.IsAdmin == true || reference.IsConfiguredAdmin(message.UserKey);

    private async Task<Turn> StartFlowAsync(ICaseStore store, IncomingMessage message, Reporter? reporter, DateTimeOffset now,
        FlowDefinition flow, string? argument)
    {
        var conversation = new Conversation { UserKey = message.UserKey, Flow = flow.Name, State = "", UpdatedAt = now };
        var ctx = NewFlowContext(store, message, reporter, conversation, now);
        if (flow.Refusal(ctx) is { } refusal) return Say(refusal);
        if (await flow.StartAsync(ctx, argument) is { } problem) return Say(problem);
        var reply = await _runner.StartAsync(flow, ctx, conversation);
        Persist(store, conversation, ctx, now);
        return Say(reply with { Text = $"📝 {Capitalize(flow.Title)} (ketik /batal untuk berhenti)\n\n{reply.Text}" });
    }

    private async Task<Turn> FinishStepAsync(ICaseStore store, FlowContext ctx, Conversation conversation, FlowTurn turn)
    {
        if (turn.Completed)
        {
            await store.EndConversationAsync(conversation.UserKey);
            return new Turn(turn.Reply, turn.AfterCommit, ctx.Notices);
        }
        Persist(store, conversation, ctx, ctx.Now);
        return new Turn(turn.Reply, null, ctx.Notices);
    }

    /// <summary>A photo is kept as evidence of an aid hand-out; a location fills the place being asked.</summary>
    private async Task<Reply> OnAttachmentAsync(FlowDefinition flow, FlowContext ctx, Conversation conversation)
    {
        string note;
        var message = ctx.Message;
        if (message.PhotoFileId is { } photo && flow is AidFlow)
        {
            ctx.Set(AidFlow.PhotoKey, photo);
            note = "📷 Foto disimpan sebagai bukti penyaluran.";
        }
        else if (message.Location is { } at && conversation.State is "place" or "desa")
        {
            var coordinates = FormattableString.Invariant($"{at.Latitude:0.00000}, {at.Longitude:0.00000}");
            var located = message with { Location = null, Text = $"Lokasi {coordinates}" };
            var turn = await _runner.HandleAsync(flow, NewFlowContextFrom(ctx, located), conversation);
            Persist(ctx.Store, conversation, ctx, ctx.Now);
            return turn.Reply!;
        }
        else note = message.PhotoFileId is not null
            ? "Foto hanya dipakai sebagai bukti di laporan logistik; di sini cukup ketik jawabannya."
            : "Lokasi hanya dipakai untuk pertanyaan tempat; di sini cukup ketik jawabannya.";
        Persist(ctx.Store, conversation, ctx, ctx.Now);
        var again = await _runner.RepeatAsync(flow, ctx, conversation);
        return again with { Text = $"{note}\n\n{again.Text}" };
    }

    private FlowContext NewFlowContextFrom(FlowContext ctx, IncomingMessage message) =>
        new(ctx.Store, reference, message, ctx.Reporter, ctx.Data, ctx.Now);

    private FlowContext NewFlowContext(ICaseStore store, IncomingMessage message, Reporter? reporter, Conversation conversation, DateTimeOffset now) =>
        new(store, reference, message, reporter,
            JsonSerializer.Deserialize<Dictionary<string, string>>(conversation.DataJson) ?? [], now);

    private static void Persist(ICaseStore store, Conversation conversation, FlowContext ctx, DateTimeOffset now)
    {
        conversation.DataJson = JsonSerializer.Serialize(ctx.Data);
        conversation.UpdatedAt = now;
        store.SaveConversation(conversation);
    }

    private (FlowDefinition Flow, string? Argument)? ResolveFlow(string command, string argument)
    {
        var arg = string.IsNullOrWhiteSpace(argument) ? null : argument.Trim();
        if (command == "daftar") return (_flows["daftar"], null);
        var flowCommand = FlowCommands.FirstOrDefault(f => f.Command == command);
        if (flowCommand.Command is not null) return (_flows[flowCommand.Flow], arg);
        if (command == "ubah")
            return arg?.TrimStart().StartsWith("PK", StringComparison.OrdinalIgnoreCase) == true
                ? (_flows["ubahkasus"], arg)
                : (_flows["bencana"], arg ?? "");
        return null;
    }

    private static bool IsFlowCommand(string command) => command is "bencana" or "logistik" or "ppks" or "ubah";

    /// <summary>"/status@CaseBot PK-2024-1" → ("status", "PK-2024-1"). Buttons may carry commands too.</summary>
    private static (string? Command, string Argument) ParseCommand(IncomingMessage message)
    {
        var source = message.ButtonData is { } data && data.StartsWith('/') ? data : message.ButtonData is null ? message.Text?.Trim() : null;
        if (string.IsNullOrEmpty(source) || source[0] != '/' || source.Length < 2) return (null, "");
        var space = source.IndexOfAny([' ', '\n']);
        var head = space < 0 ? source[1..] : source[1..space];
        var at = head.IndexOf('@');
        if (at >= 0) head = head[..at];
        return (head.ToLowerInvariant(), space < 0 ? "" : source[(space + 1)..].Trim());
    }

    private string HelpText(Reporter? reporter, IncomingMessage message)
    {
        if (AccessMessages.NotAllowedToReport(reporter) is { } refusal) return refusal;
        var isAdmin = IsAdmin(reporter, message);
        var lines = FlowCommands.Select(f => $"/{f.Command} - {f.Description}")
            .Concat(_commands.Values.Where(c => Refusal(c.Access, reporter, isAdmin) is null).Select(c => $"/{c.Name} - {c.Description}"))
            .Append("/ubah <nomor> - Perbarui laporan bencana atau status kasus")
            .Append("/batal - Batalkan isian yang sedang berjalan");
        return $"Menu {Labels.Role(reporter!.Role)} ({reporter.Name}):\n{string.Join("\n", lines)}";
    }

    private string Greeting(Reporter? reporter) =>
        $"Selamat datang di CaseBot {reference.Options.DepartmentName}. " +
        "Saya mencatat laporan bencana, bantuan logistik, dan kasus PPKS dari lapangan." +
        (reporter is null ? "" : $" Halo, {reporter.Name}!");

    private static Turn Say(Reply reply) => new(reply, null, []);

    private static OutgoingMessage To(IncomingMessage message, Reply reply) =>
        new(message.Channel, message.ChatId, reply.Text, reply.Choices) { File = reply.File, AcceptsText = reply.AcceptsText };

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
