using CaseBot.Tests.Engine;
using CaseBot.Tests.Support;

namespace CaseBot.Tests.Postgres;

// Every engine flow test again, on PostgreSQL: the same code with Provider = "Postgres" and its own migrations.

public sealed class RegistrationTestsOnPostgres : RegistrationTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}

public sealed class DisasterFlowTestsOnPostgres : DisasterFlowTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}

public sealed class PpksFlowTestsOnPostgres : PpksFlowTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}

public sealed class AidAndFollowUpTestsOnPostgres : AidAndFollowUpTests
{
    protected override StorageKind Storage => StorageKind.Postgres;
}
