using CaseBot.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CaseBot.Storage.Rollups;

/// <summary>One kecamatan's day: the smallest bucket a write can change.</summary>
public readonly record struct RollupBucket(string Kabupaten, string Kecamatan, DateOnly Day);

/// <summary>
/// The buckets the pending changes of a context touch, read from its change tracker before it saves: from the original
/// values as well as the current ones, so a report moved to another kecamatan or date leaves its old bucket too.
/// Changes of columns no figure depends on (an event's StaleAskedAt, a case's name) touch none.
/// ExecuteUpdate/ExecuteDelete bypass the change tracker, so they bypass this too: none in src touches these four tables'
/// columns listed here (StaleEventReminders sets an event's StaleAskedAt, no figure). One that does must refresh itself.
/// </summary>
internal sealed class RollupBuckets
{
    private static readonly HashSet<string> EventColumns = [nameof(DisasterEvent.Kabupaten), nameof(DisasterEvent.Kecamatan), nameof(DisasterEvent.EventDate), "Counts.*"];
    private static readonly HashSet<string> ReportColumns = [nameof(DisasterReport.EventId), "Counts.*", "Verification.State"];
    private static readonly HashSet<string> AidColumns =
    [
        nameof(AidDistribution.Kabupaten), nameof(AidDistribution.Kecamatan), nameof(AidDistribution.Date), nameof(AidDistribution.ItemCode),
        nameof(AidDistribution.RecipientUnit), nameof(AidDistribution.Recipients), "Verification.State",
    ];
    private static readonly HashSet<string> CaseColumns =
    [
        nameof(PpksCase.Kabupaten), nameof(PpksCase.Kecamatan), nameof(PpksCase.ReportedOn), nameof(PpksCase.TypeCode), nameof(PpksCase.Status),
        nameof(PpksCase.ServiceCode), nameof(PpksCase.VerifiedStatus), nameof(PpksCase.VerifiedServiceCode), nameof(PpksCase.MergedIntoCaseId),
        "Verification.State",
    ];

    private readonly HashSet<RollupBucket> _buckets = [];
    private readonly HashSet<int> _eventIds = [];
    private readonly List<DisasterReport> _reports = [];

    public bool IsEmpty => _buckets.Count == 0 && _eventIds.Count == 0 && _reports.Count == 0;

    public static RollupBuckets Collect(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var touched = new RollupBuckets();
        foreach (var entry in tracker.Entries())
        {
            switch (entry.Entity)
            {
                case DisasterEvent when Changed(entry, EventColumns):
                    touched.Add(entry, nameof(DisasterEvent.EventDate));
                    break;
                case AidDistribution when Changed(entry, AidColumns):
                    touched.Add(entry, nameof(AidDistribution.Date));
                    break;
                case PpksCase when Changed(entry, CaseColumns):
                    touched.Add(entry, nameof(PpksCase.ReportedOn));
                    break;
                case DisasterReport report when Changed(entry, ReportColumns):
                    // A report counts in its event's bucket; the event's id may be known only after the save.
                    touched._reports.Add(report);
                    if (entry.State != EntityState.Added && entry.Property(nameof(DisasterReport.EventId)).OriginalValue is int original)
                        touched._eventIds.Add(original);
                    break;
            }
        }
        return touched;
    }

    /// <summary>All buckets, once the save gave new reports their event's id (within the same transaction).</summary>
    public async Task<IReadOnlyCollection<RollupBucket>> ResolveAsync(CaseBotDbContext db, CancellationToken ct)
    {
        foreach (var report in _reports)
            if (report.Event is { } e) _buckets.Add(new(e.Kabupaten, e.Kecamatan, e.EventDate));
            else _eventIds.Add(report.EventId);
        if (_eventIds.Count > 0)
        {
            var ids = _eventIds.ToList();
            foreach (var e in await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id))
                         .Select(e => new { e.Kabupaten, e.Kecamatan, e.EventDate }).ToListAsync(ct))
                _buckets.Add(new(e.Kabupaten, e.Kecamatan, e.EventDate));
        }
        return _buckets;
    }

    private void Add(EntityEntry entry, string dateColumn)
    {
        RollupBucket Of(Func<PropertyEntry, object?> value) =>
            new((string)value(entry.Property("Kabupaten"))!, (string)value(entry.Property("Kecamatan"))!, (DateOnly)value(entry.Property(dateColumn))!);
        if (entry.State != EntityState.Deleted) _buckets.Add(Of(p => p.CurrentValue));
        if (entry.State != EntityState.Added) _buckets.Add(Of(p => p.OriginalValue));
    }

    private static bool Changed(EntityEntry entry, HashSet<string> columns)
    {
        if (entry.State is EntityState.Added or EntityState.Deleted) return true;
        if (entry.State != EntityState.Modified) return false;
        return entry.Properties.Any(p => p.IsModified && columns.Contains(p.Metadata.Name))
               || entry.ComplexProperties.Any(c => c.Properties.Any(p => p.IsModified
                   && (columns.Contains($"{c.Metadata.Name}.{p.Metadata.Name}") || columns.Contains($"{c.Metadata.Name}.*"))));
    }
}
