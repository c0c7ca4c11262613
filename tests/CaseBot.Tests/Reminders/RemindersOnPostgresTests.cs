using CaseBot.Tests.Support;

namespace CaseBot.Tests.Reminders;

public sealed class DraftReminderTestsOnPostgres : DraftReminderTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}

public sealed class SilentTkskNudgeTestsOnPostgres : SilentTkskNudgeTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}

public sealed class StaleEventTestsOnPostgres : StaleEventTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}
