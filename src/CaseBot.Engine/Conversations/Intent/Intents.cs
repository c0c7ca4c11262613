namespace CaseBot.Engine.Conversations.Intent;

/// <summary>What a free-text message outside a flow means.</summary>
public abstract record Intent;

/// <summary>A report: start <paramref name="Flow"/> with what the message already says, by question key.</summary>
public sealed record StartFlowIntent(string Flow, IReadOnlyDictionary<string, string> Answers) : Intent;

/// <summary>A question about figures (capaian, rekap): for the free-text handlers.</summary>
public sealed record QuestionIntent : Intent;

/// <summary>"halo", "pagi pak", "assalamualaikum"; <paramref name="Thanks"/> for "terima kasih", "siap".</summary>
public sealed record GreetingIntent(bool Thanks = false) : Intent;

/// <summary>"menu", "help": the full menu.</summary>
public sealed record HelpIntent : Intent;

/// <summary>Nothing recognised.</summary>
public sealed record UnknownIntent : Intent;

/// <summary>A command offered as a button when the bot does not understand or is greeted.</summary>
public sealed record LikelyCommand(string Command, string Label);
