using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Commands;
using CaseBot.Engine.Conversations.Intent;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;
using CaseBot.Engine.Outbox;
using Microsoft.Extensions.Logging;

namespace CaseBot.Engine.Conversations;

/// <summary>
/// The channel-agnostic heart: takes one user action, returns what it says. Each call is one unit of work:
/// the conversation step, any saved report, the message id and every message to send (outbox rows) are committed
/// together; channels send what the outbox holds, never the returned list.
/// Flows and commands declare themselves; the engine only routes between them.
/// </summary>
public sealed class ConversationEngine(
    ICaseStoreFactory stores, ReferenceData reference, IEnumerable<IFlow> flows, IEnumerable<ICommand> commands,
    IEnumerable<IFreeTextHandler> freeText, ReportKinds kinds, TimeProvider clock, ILogger<ConversationEngine> logger,
    IntentReader intents)
{
    private const string UpdateCommand = "ubah";
    private const string CancelCommand = "batal";

    private readonly Dictionary<string, IFlow> _flows = flows.ToDictionary(f => f.Info.Name);
    private readonly Dictionary<string, ICommand> _commands = commands.ToDictionary(c => c.Name);
    private readonly UserLocks _userLocks = new();
    private readonly FloodGuard _flood = new(reference.Options, clock);

    /// <summary>Flows started by a command of their own (/bencana), by command and alias.</summary>
    private Dictionary<string, IFlow> FlowCommands => field ??= _flows.Values
        .Where(f => f.Info.Command is not null)
        .SelectMany(f => f.Info.Aliases.Prepend(f.Info.Command!).Select(c => (Command: c, Flow: f)))
        .ToDictionary(x => x.Command, x => x.Flow);

    /// <summary>Command name and description, for a channel's command menu (setMyCommands).</summary>
    public IReadOnlyList<(string Name, string Description)> Menu =>
        [("start", "Mulai"), ("bantuan", "Menu & bantuan"),
         .. _flows.Values.Where(f => f.Info is { Command: not null, MenuLine: not null }).Select(f => (f.Info.Command!, f.Info.MenuLine!)),
         .. _commands.Values.Where(c => c.Access != CommandAccess.Admin).Select(c => (c.Name, c.Description)),
         (UpdateCommand, "Perbarui laporan: /ubah <nomor>"),
         (CancelCommand, "Batalkan isian yang sedang berjalan")];

    /// <summary>
    /// The pending question of every user of <paramref name="channel"/> who left a flow within the configured window,
    /// addressed to their chat: what a restart shows at once, so nobody waits on a bot that forgot to ask.
    /// Flows that no longer exist or drafts of an older shape are skipped (they are handled when the user writes).
    /// </summary>
    public async Task<IReadOnlyList<(Conversation Conversation, OutgoingMessage Message)>> PendingQuestionsAsync(string channel,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var store = stores.Create();
        var pending = new List<(Conversation, OutgoingMessage)>();
        foreach (var conversation in await store.ConversationsSinceAsync(channel, now.AddHours(-reference.Options.ResumeWithinHours)))
        {
            if (await PendingQuestionAsync(store, conversation, now) is not var (flow, message)) continue;
            pending.Add((conversation, message with
            {
                Text = $"🔄 Bot aktif kembali. Lanjutkan {flow.Title} Anda (atau ketik /batal):\n\n{message.Text}",
            }));
        }
        return pending;
    }

    /// <summary>
    /// The pending question of one conversation, addressed to the user's private chat, with the flow asking it;
    /// null when the flow no longer exists or the draft is of an older shape (handled when the user writes).
    /// </summary>
    public async Task<(FlowInfo Flow, OutgoingMessage Message)?> PendingQuestionAsync(ICaseStore store, Conversation conversation,
        DateTimeOffset now)
    {
        var colon = conversation.UserKey.IndexOf(':');
        if (colon < 0 || !_flows.TryGetValue(conversation.Flow, out var flow)) return null;
        var (channel, userId) = (conversation.UserKey[..colon], conversation.UserKey[(colon + 1)..]);
        var message = new IncomingMessage { Channel = channel, UserId = userId, ChatId = userId };
        var session = new FlowSession(store, reference, message, await store.FindReporterAsync(channel, userId), now);
        var again = await flow.RepeatAsync(session, conversation);
        return again.Reply is { } reply ? (flow.Info, To(message, reply)) : null;
    }

    /// <summary>A flow's declaration by its name; null for a flow this version does not have.</summary>
    public FlowInfo? FlowOf(string name) => _flows.TryGetValue(name, out var flow) ? flow.Info : null;

    /// <summary>Per-user locks unused for <paramref name="idle"/> are dropped; returns how many.</summary>
    public int ReleaseIdleLocks(TimeSpan idle) => _userLocks.ReleaseIdle(idle);

    /// <summary>How many per-user locks are held in memory (for tests of their release).</summary>
    public int UserLockCount => _userLocks.Count;

    public async Task<IReadOnlyList<OutgoingMessage>> HandleAsync(IncomingMessage message, CancellationToken ct = default)
    {
        message = InboundText.Clean(message);
        Diagnostics.BotMetrics.MessageIn(message.Channel);
        switch (_flood.Check(message.Channel, message.UserKey, out var wait))
        {
            case FloodVerdict.Drop:
                return [];
            case FloodVerdict.Notice:
                return message.ChatKind == ChatKind.Private ? await EnqueueAsync(message, [To(message, FloodGuard.NoticeText(wait))]) : [];
        }
        using var held = await _userLocks.AcquireAsync(message.UserKey, ct);
        string? apology;
        try
        {
            return await HandleLockedAsync(message, ct);
        }
        catch (ConcurrentUpdateException)
        {
            // Nothing was written; the user is still at the summary, where Simpan shows the newer figures.
            logger.LogInformation("Concurrent update by {User}: nothing saved, the user confirms again", message.UserKey);
            apology = "⚠️ Laporan ini baru saja diubah orang lain, jadi belum disimpan. Tekan Simpan lagi untuk melihat angka terbarunya.";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Nothing of this message was committed; what the user answered before is still saved.
            logger.LogError(ex, "Failed to handle message {MessageId} from {User}", message.MessageId, message.UserKey);
            Diagnostics.BotMetrics.Error();
            apology = "Maaf, terjadi gangguan di sistem. Jawaban Anda sebelumnya tetap tersimpan; silakan kirim ulang pesan terakhir.";
        }
        return await EnqueueAsync(message, [To(message, apology)]);
    }

    /// <summary>Replies that change nothing else (refusals, apologies): stored on their own, so they go out like any other.</summary>
    private async Task<IReadOnlyList<OutgoingMessage>> EnqueueAsync(IncomingMessage message, IReadOnlyList<OutgoingMessage> replies)
    {
        try
        {
            await QueueAsync(replies);
        }
        catch (Exception ex)
        {
            // The database is away: the user is told nothing now and will write again.
            logger.LogError(ex, "Could not store the reply to {User}", message.UserKey);
        }
        return replies;
    }

    /// <summary>
    /// Messages the bot sends unasked (a pending question after a restart), stored for their channel's dispatcher.
    /// </summary>
    public async Task QueueAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken ct = default)
    {
        await using var store = stores.Create();
        foreach (var message in messages) store.AddOutgoing(OutboxRows.From(message, null, clock.GetUtcNow()));
        await store.CommitAsync();
    }

    private async Task<IReadOnlyList<OutgoingMessage>> HandleLockedAsync(IncomingMessage message, CancellationToken ct)
    {
        var text = message.Text;
        var addressed = message.ChatKind == ChatKind.Private || text?.TrimStart().StartsWith('/') == true;
        if (text is not null && text.Length > reference.Options.MaxTextLength && addressed)
            return await EnqueueAsync(message,
                [To(message, $"Pesan terlalu panjang ({text.Length} huruf). Maksimal {reference.Options.MaxTextLength} huruf; mohon dipersingkat.")]);

        try
        {
            return await HandleOnceAsync(message, ct);
        }
        catch (DuplicateMessageException) when (message.MessageId is not null)
        {
            // The commit refused the message id (and wrote nothing): a redelivery, handled before. Its reply may still
            // be waiting for a retry: it goes out now, not never.
            await using var store = await stores.OpenForUserAsync(message.UserKey, ct);
            await store.ReleaseUnsentAsync(message.Channel, message.MessageId);
            await store.CommitAsync();
            return [];
        }
    }

    private async Task<IReadOnlyList<OutgoingMessage>> HandleOnceAsync(IncomingMessage message, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var store = await stores.OpenForUserAsync(message.UserKey, ct);
        if (message.MessageId is not null) store.MarkProcessed(message.Channel, message.MessageId, now);
        if (message.ChatKind == ChatKind.Private) store.TouchContact(message.Channel, message.ChatId, now);
        var session = new FlowSession(store, reference, message, await store.FindReporterAsync(message.Channel, message.UserId), now);
        var turn = message.ChatKind == ChatKind.Group ? await HandleGroupAsync(session) : await HandlePrivateAsync(session);

        var replies = new List<OutgoingMessage>();
        // The replies are written in the transaction of the change itself, once saved reports have their numbers.
        await store.CommitAsync(() =>
        {
            if (turn.Reply is not null) replies.Add(To(message, Paged(session, turn.Reply)));
            if (turn.AfterCommit is not null) replies.Add(To(message, turn.AfterCommit()));
            replies.AddRange(session.Notices);
            foreach (var reply in replies) store.AddOutgoing(OutboxRows.From(reply, message.MessageId, now));
        });
        return replies;
    }

    /// <summary>The next page of a list replaces the page whose button was pressed, where the channel can edit
    /// (<see cref="Reply.ReplacesPressed"/>, as a refreshed tally does).</summary>
    private static Reply Paged(FlowSession session, Reply reply) =>
        ChoicePaging.TryGetPage(session.Message.ButtonData, out _) && session.Notices.Count == 0 ? reply with { ReplacesPressed = true } : reply;

    private sealed record Turn(Reply? Reply, Func<Reply>? AfterCommit = null);

    private async Task<Turn> HandlePrivateAsync(FlowSession session)
    {
        var message = session.Message;
        var conversation = await session.Store.GetConversationAsync(message.UserKey);
        var (command, argument) = ParseCommand(message);
        var cancel = command == CancelCommand || message.ButtonData == FlowButtons.Cancel;

        if (conversation is not null)
        {
            if (_flows.TryGetValue(conversation.Flow, out var active))
                return await ContinueFlowAsync(session, conversation, active, command, argument, cancel);
            // A flow this version no longer has: nothing of it can be saved; say so and carry on.
            await session.Store.EndConversationAsync(message.UserKey);
            const string gone = "Isian Anda sebelumnya dibuat oleh versi bot yang lama dan tidak bisa dilanjutkan. Tidak ada yang disimpan.";
            if (cancel) return new Turn($"❌ {gone}\nKetik /bantuan untuk melihat menu.");
            var next = await HandleIdleAsync(session, command, argument);
            return next with { Reply = next.Reply is { } r ? r with { Text = $"{gone}\n\n{r.Text}" } : null };
        }
        if (cancel) return new Turn("Tidak ada isian yang sedang berjalan. Ketik /bantuan untuk melihat menu.");
        return await HandleIdleAsync(session, command, argument);
    }

    private async Task<Turn> ContinueFlowAsync(FlowSession session, Conversation conversation, IFlow active, string? command,
        string argument, bool cancel)
    {
        var store = session.Store;
        if (command is not null && !cancel && command is not ("kembali" or "lewati"))
        {
            // A command in the middle of a flow: answer read-only ones, then re-ask; never drop the answers.
            var again = await active.RepeatAsync(session, conversation);
            if (again.End == FlowEnd.Stale) return await RestartStaleAsync(session, active);
            var prefix = FlowCommands.ContainsKey(command) || command == UpdateCommand
                ? $"Anda sedang mengisi {active.Info.Title}. Selesaikan dulu, atau ketik /batal untuk membatalkannya."
                : command is "start" or "bantuan" or "help" or "menu" ? HelpText(session) // the menu is not a command of its own
                : (await RunCommandAsync(session, command, argument)).Reply?.Text;
            return new Turn(again.Reply! with { Text = $"{prefix}\n\nLanjutkan: {again.Reply!.Text}" });
        }
        if (session.Message.ButtonData == FlowButtons.Resume)
        {
            // "Lanjutkan" under a reminder: the question again; it counts as an answer, so reminders start afresh.
            var again = await active.RepeatAsync(session, conversation);
            if (again.End == FlowEnd.Stale) return await RestartStaleAsync(session, active);
            conversation.UpdatedAt = session.Now;
            store.SaveConversation(conversation);
            return new Turn(again.Reply! with { Text = $"Lanjutkan {active.Info.Title}:\n\n{again.Reply!.Text}" });
        }
        if (!cancel && FlowGate.Refusal(active.Info, session.Reporter) is { } refusal)
            return new Turn($"{refusal}\nIsian Anda belum disimpan; ketik /batal untuk membuangnya.");

        var turn = await active.HandleAsync(session, conversation);
        switch (turn.End)
        {
            case FlowEnd.Stale when !cancel:
                return await RestartStaleAsync(session, active);
            case FlowEnd.Stale or FlowEnd.Cancelled:
                Diagnostics.BotMetrics.FlowEnded(active.Info.Name, "cancelled");
                await store.EndConversationAsync(conversation.UserKey);
                return new Turn($"❌ {Capitalize(active.Info.Title)} dibatalkan. Tidak ada yang disimpan.\nKetik /bantuan untuk melihat menu.");
            case FlowEnd.Saved:
                Diagnostics.BotMetrics.FlowEnded(active.Info.Name, "saved");
                await store.EndConversationAsync(conversation.UserKey);
                return new Turn(null, turn.AfterCommit);
            case FlowEnd.HandedOver:
                await store.EndConversationAsync(conversation.UserKey);
                return await StartFlowAsync(session, _flows[turn.Handoff!.Value.Flow], turn.Handoff.Value.Argument);
            default:
                conversation.UpdatedAt = session.Now;
                store.SaveConversation(conversation);
                return new Turn(turn.Reply);
        }
    }

    /// <summary>A draft saved by an older shape of its flow: dropped with a notice; the flow starts afresh where it can.</summary>
    private async Task<Turn> RestartStaleAsync(FlowSession session, IFlow flow)
    {
        await session.Store.EndConversationAsync(session.Message.UserKey);
        var notice = $"Maaf, isian {flow.Info.Title} Anda dibuat oleh versi bot yang lama dan tidak bisa dilanjutkan. Tidak ada yang disimpan.";
        if (flow.Info.Command is null) return new Turn($"{notice}\nKetik /ubah <nomor> untuk mulai lagi.");
        var restarted = await StartFlowAsync(session, flow, null);
        return restarted with { Reply = restarted.Reply! with { Text = $"{notice} Kita mulai lagi.\n\n{restarted.Reply.Text}" } };
    }

    private async Task<Turn> HandleIdleAsync(FlowSession session, string? command, string argument)
    {
        var message = session.Message;
        if (command is null)
        {
            if (message.ButtonData is not null)
                return new Turn("Tombol itu sudah tidak berlaku. " + HelpText(session));
            if (session.Reporter is { CanReport: true } reporter && !string.IsNullOrWhiteSpace(message.Text))
            {
                // Free text: a report to start (with what it already says), a question, a greeting, or not understood.
                var intent = intents.Read(message.Text, reporter);
                if (intent is StartFlowIntent start && _flows.TryGetValue(start.Flow, out var wanted))
                    return await StartFlowAsync(session, wanted, null, await NewEventGuess.ApplyAsync(session, start));
                // Before greetings: "siap" is thanks in general, but the answer to an alert just received.
                var ctx = new CommandContext(session);
                foreach (var handler in freeText)
                    if (await handler.TryAnswerAsync(ctx, message.Text) is { } answer)
                        return new Turn(answer);
                switch (intent)
                {
                    case HelpIntent:
                        return new Turn(HelpText(session));
                    case GreetingIntent { Thanks: true }:
                        return new Turn(new Reply($"Sama-sama, {reporter.Name} 🙏 Ada lagi yang ingin dilaporkan?", LikelyButtons()));
                    case GreetingIntent:
                        return new Turn(new Reply($"Halo, {reporter.Name} 👋 Mau melapor apa hari ini?", LikelyButtons()));
                }
                if (intent is QuestionIntent)
                    return new Turn(new Reply(reporter.IsOfficer || session.IsAdmin
                        ? "Maaf, pertanyaan itu belum saya pahami. Contoh: capaian ppks triwulan 2, rekap hari ini."
                        : "Angka capaian hanya bisa dilihat petugas dinas. Laporan Anda sendiri ada di /laporanku.", LikelyButtons()));
                return new Turn(new Reply("Maaf, saya belum paham. Pilih di bawah, atau ketik /bantuan untuk menu lengkap.", LikelyButtons()));

                // The three commands this reporter most likely wants and may use, as buttons that run them.
                List<Choice> LikelyButtons() => IntentReader.LikelyCommands(reporter.Role)
                    .Where(c => FlowCommands.TryGetValue(c.Command, out var f)
                        ? FlowGate.Refusal(f.Info, reporter) is null && f.StartRefusal(session) is null
                        : _commands.TryGetValue(c.Command, out var cmd) && Refusal(cmd.Access, reporter, session.IsAdmin) is null)
                    .Take(3).Select(c => new Choice(c.Label, "/" + c.Command)).ToList();
            }
            return new Turn(HelpText(session));
        }
        if (command is "start" or "bantuan" or "help" or "menu")
            return new Turn(command == "start" ? Greeting(session.Reporter) + "\n\n" + HelpText(session) : HelpText(session));
        if (FlowCommands.TryGetValue(command, out var flow))
            return await StartFlowAsync(session, flow, string.IsNullOrWhiteSpace(argument) ? null : argument.Trim());
        if (command == UpdateCommand) return await StartUpdateAsync(session, argument);
        return await RunCommandAsync(session, command, argument);
    }

    /// <summary>/ubah &lt;nomor&gt;: the update flow that the number's report kind declares.</summary>
    private async Task<Turn> StartUpdateAsync(FlowSession session, string argument)
    {
        if (FlowGate.Refusal(new FlowInfo { Name = UpdateCommand, Title = "perubahan laporan" }, session.Reporter) is { } refusal)
            return new Turn(refusal);
        var example = kinds.Example(session.Today.Year);
        if (string.IsNullOrWhiteSpace(argument))
            return new Turn($"Ketik /ubah lalu nomor laporannya, contoh: /ubah {example.Split(", ")[0]}.\nLihat nomor laporan Anda dengan /laporanku.");
        var candidates = new List<string>();
        if (await kinds.ResolveAsync(session, argument, candidates) is not var (kind, year, id))
            return candidates.Count > 1
                ? new Turn(new Reply($"Nomor {argument.Trim()} ada di beberapa laporan Anda. Yang mana?",
                    candidates.Select(n => new Choice(n, $"/ubah {n}")).ToList()))
                : new Turn($"\"{argument.Trim()}\" bukan nomor laporan Anda. Contoh: {example}. Lihat nomor Anda dengan /laporanku.");
        if (kind.UpdateFlow is not { } name) return new Turn(kind.NotUpdatable);
        return await StartFlowAsync(session, _flows[name], ReportNumber.Format(kind.Prefix, year, id));
    }

    private async Task<Turn> StartFlowAsync(FlowSession session, IFlow flow, string? argument,
        IReadOnlyDictionary<string, string>? answers = null)
    {
        if ((FlowGate.Refusal(flow.Info, session.Reporter) ?? flow.StartRefusal(session)) is { } refusal) return new Turn(refusal);
        var conversation = new Conversation { UserKey = session.Message.UserKey, Flow = flow.Info.Name, State = "", UpdatedAt = session.Now };
        var turn = await flow.StartAsync(session, conversation, argument, answers);
        switch (turn.End)
        {
            case FlowEnd.Refused:
                return new Turn(turn.Reply);
            case FlowEnd.HandedOver:
                return await StartFlowAsync(session, _flows[turn.Handoff!.Value.Flow], turn.Handoff.Value.Argument);
        }
        session.Store.SaveConversation(conversation);
        return new Turn(turn.Reply! with { Text = $"📝 {Capitalize(flow.Info.Title)} (ketik kembali untuk pertanyaan sebelumnya, /batal untuk berhenti)\n\n{turn.Reply.Text}" });
    }

    private async Task<Turn> HandleGroupAsync(FlowSession session)
    {
        var (command, argument) = ParseCommand(session.Message);
        if (command is null) return new Turn(null); // groups: only commands addressed to the bot
        if (_commands.TryGetValue(command, out var c) && c.AllowedInGroups)
            return await RunCommandAsync(session, command, argument);
        if (command is "start" or "bantuan" or "help")
            return new Turn("Di grup saya hanya menjawab: " +
                            string.Join(", ", _commands.Values.Where(x => x.AllowedInGroups).Select(x => "/" + x.Name)) +
                            ". Untuk melapor atau melihat data pribadi, chat saya secara pribadi.");
        return new Turn("Perintah itu hanya bisa lewat chat pribadi dengan bot, agar data pribadi tidak tampil di grup.");
    }

    private async Task<Turn> RunCommandAsync(FlowSession session, string command, string argument)
    {
        if (!_commands.TryGetValue(command, out var handler))
            return new Turn($"Perintah /{command} tidak dikenal.\n\n{HelpText(session)}");
        var ctx = new CommandContext(session);
        if (Refusal(handler.Access, session.Reporter, ctx.IsAdmin) is { } refusal) return new Turn(refusal);
        return new Turn(await handler.ExecuteAsync(ctx, argument));
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

    private string HelpText(FlowSession session)
    {
        var reporter = session.Reporter;
        if (AccessMessages.NotAllowedToReport(reporter) is { } refusal) return refusal;
        var lines = _flows.Values.Where(f => f.Info is { Command: not null, MenuLine: not null } && FlowGate.Refusal(f.Info, reporter) is null
                                             && f.StartRefusal(session) is null)
            .Select(f => $"/{f.Info.Command} - {f.Info.MenuLine}")
            .Concat(_commands.Values.Where(c => Refusal(c.Access, reporter, session.IsAdmin) is null && c.Offered(new CommandContext(session)))
                .Select(c => $"/{c.Name} - {c.Description}"))
            .Append("/ubah <nomor> - Perbarui laporan (angka bencana, status kasus)")
            .Append("/batal - Batalkan isian yang sedang berjalan");
        return $"Menu {Labels.Role(reporter!.Role)}{(session.IsAdmin ? " · admin" : "")} ({reporter.Name}):\n{string.Join("\n", lines)}";
    }

    private string Greeting(Reporter? reporter) =>
        $"Selamat datang di CaseBot {reference.Options.DepartmentName}. " +
        "Saya mencatat laporan bencana, bantuan logistik, dan kasus PPKS dari lapangan." +
        (reporter is null ? "" : $" Halo, {reporter.Name}!");

    private static OutgoingMessage To(IncomingMessage message, Reply reply) =>
        new(message.Channel, message.ChatId, reply.Text, reply.Choices)
        {
            File = reply.File, AcceptsText = reply.AcceptsText, ReplacesMessageId = reply.ReplacesPressed ? message.PressedMessageId : null,
        };

    private static OutgoingMessage To(IncomingMessage message, string text) => To(message, new Reply(text));

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
