namespace CaseBot.Domain.Entities;

/// <summary>
/// A record that several people may change: <see cref="Version"/> is a concurrency token, raised by the store on every
/// save. Saving a change made from an older version fails instead of silently overwriting what someone else saved.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
