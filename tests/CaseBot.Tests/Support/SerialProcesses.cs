namespace CaseBot.Tests.Support;

/// <summary>
/// Tests that time real `casebot` processes (kills at random moments) run alone, not beside the rest of the suite
/// competing for the same two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialProcesses
{
    public const string Name = "serial processes";
}
