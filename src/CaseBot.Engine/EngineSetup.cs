using CaseBot.Engine.Commands;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Conversations.Intent;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseBot.Engine;

public static class EngineSetup
{
    /// <summary>The engine, its flows and its own commands. Other modules add <see cref="ICommand"/>s of their own.</summary>
    public static IServiceCollection AddConversationEngine(this IServiceCollection services)
    {
        services.AddSingleton<IFlow, RegistrationFlow>();
        services.AddSingleton<IFlow, DisasterFlow>();
        services.AddSingleton<IFlow, EventUpdateFlow>();
        services.AddSingleton<IFlow, AidFlow>();
        services.AddSingleton<IFlow, PpksFlow>();
        services.AddSingleton<IFlow, CaseUpdateFlow>();
        services.AddSingleton<IFlow, Alerts.AlertFlow>();
        services.AddSingleton<ReportKinds>();
        services.AddSingleton<ICommand, MyReportsCommand>();
        services.AddSingleton<ICommand, StatusCommand>();
        services.AddSingleton<ICommand, CloseEventCommand>();
        services.AddSingleton<ICommand, ReopenEventCommand>();
        services.AddSingleton<ICommand, Verification.VerifyCommand>();
        services.AddSingleton<ICommand, Verification.ReturnCommand>();
        services.AddSingleton<ICommand, ApproveCommand>();
        services.AddSingleton<ICommand, RejectCommand>();
        services.AddSingleton<ICommand, PendingCommand>();
        services.AddSingleton<ICommand, AuditCommand>();
        services.AddSingleton<ICommand, DuplicatesCommand>();
        services.AddSingleton<ICommand, RegisterGroupCommand>();
        services.AddSingleton<ICommand, GroupTimeCommand>();
        services.AddSingleton<ICommand, RemoveGroupCommand>();
        services.AddSingleton<ICommand, LinkAccountCommand>();
        services.AddSingleton<ICommand, FailedDeliveriesCommand>();
        services.AddSingleton<Alerts.AlertAnswers>();
        services.AddSingleton<ICommand>(sp => sp.GetRequiredService<Alerts.AlertAnswers>());
        services.AddSingleton<IFreeTextHandler, Alerts.AlertTextAnswers>();
        services.AddSingleton<ICommand, Alerts.AlertResultsCommand>();
        services.AddSingleton<Alerts.AlertFollowUps>();
        services.AddSingleton<IntentReader>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<OutboundMessages>();
        services.AddSingleton<Outbox.OutboxDispatchers>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
