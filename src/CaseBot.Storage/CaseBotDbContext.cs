using CaseBot.Domain.Entities;
using CaseBot.Storage.Jobs;
using CaseBot.Storage.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseBot.Storage;

public sealed class CaseBotDbContext : DbContext
{
    private readonly IReadOnlyList<IStorageModel> _models;

    public CaseBotDbContext(DbContextOptions<CaseBotDbContext> options) : this(options, []) { }

    /// <param name="models">Tables of report kinds registered beside the shipped ones.</param>
    [ActivatorUtilitiesConstructor]
    public CaseBotDbContext(DbContextOptions<CaseBotDbContext> options, IEnumerable<IStorageModel> models) : base(options) =>
        _models = models.ToList();

    /// <summary>Which extra models this context has (part of EF's model cache key).</summary>
    internal string ModelKey => string.Join(",", _models.Select(m => m.GetType().FullName));

    public DbSet<Reporter> Reporters => Set<Reporter>();
    public DbSet<ChannelIdentity> Identities => Set<ChannelIdentity>();
    public DbSet<DisasterEvent> Events => Set<DisasterEvent>();
    public DbSet<DisasterReport> DisasterReports => Set<DisasterReport>();
    public DbSet<AidDistribution> Aid => Set<AidDistribution>();
    public DbSet<PpksCase> Cases => Set<PpksCase>();
    public DbSet<PossibleDuplicate> PossibleDuplicates => Set<PossibleDuplicate>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();
    public DbSet<GroupChat> Groups => Set<GroupChat>();
    public DbSet<ChannelCursor> Cursors => Set<ChannelCursor>();
    public DbSet<ChannelContact> Contacts => Set<ChannelContact>();
    public DbSet<JobClaim> JobClaims => Set<JobClaim>();
    public DbSet<TargetOverride> TargetOverrides => Set<TargetOverride>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertRecipient> AlertRecipients => Set<AlertRecipient>();
    public DbSet<EventRollup> EventRollups => Set<EventRollup>();
    public DbSet<AidRollup> AidRollups => Set<AidRollup>();
    public DbSet<CaseRollup> CaseRollups => Set<CaseRollup>();
    public DbSet<RollupState> RollupStates => Set<RollupState>();

    /// <summary>Saves without refreshing the capaian rollups: only for bulk copies that rebuild them after.</summary>
    internal bool RollupsSuspended { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (RollupsSuspended) return base.SaveChanges(acceptAllChangesOnSuccess);
        if (RollupBuckets.Collect(ChangeTracker).IsEmpty) return Detected(() => base.SaveChanges(acceptAllChangesOnSuccess));
        return SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Saves, and in the same transaction refreshes the capaian rollups of every bucket the changes touch. Works inside
    /// any outer transaction or savepoint the caller holds (the per-user lock's, a batch of units of work) and commits
    /// only a transaction it opened itself.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (RollupsSuspended) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var touched = RollupBuckets.Collect(ChangeTracker);
        if (touched.IsEmpty) return await DetectedAsync(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken));
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await DetectedAsync(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken));
            await RollupRefresher.RefreshAsync(this, await touched.ResolveAsync(this, cancellationToken), cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>A save right after <see cref="RollupBuckets.Collect"/> detected the changes: EF Core would walk every
    /// tracked entity again (on every message's commit) to find the same ones.</summary>
    private int Detected(Func<int> save)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try { return save(); }
        finally { ChangeTracker.AutoDetectChangesEnabled = detect; }
    }

    private async Task<int> DetectedAsync(Func<Task<int>> save)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try { return await save(); }
        finally { ChangeTracker.AutoDetectChangesEnabled = detect; }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Unix milliseconds sort and compare the same on SQLite (which has no DateTimeOffset type) and PostgreSQL.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUnixMsConverter>();
        // SQLite cannot compare or sum decimals in SQL; quantities need no more than double precision.
        builder.Properties<decimal>().HaveConversion<double>();
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(24);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Reporter>(e =>
        {
            e.Property(r => r.Name).HasMaxLength(120);
            e.Property(r => r.Kabupaten).HasMaxLength(80);
            e.Property(r => r.Kecamatan).HasMaxLength(80);
            e.HasMany(r => r.Identities).WithOne(i => i.Reporter).HasForeignKey(i => i.ReporterId);
            e.HasIndex(r => new { r.Kabupaten, r.Status }); // a saved report's verifiers, without reading every reporter
            e.Ignore(r => r.IsOfficer);
            e.Ignore(r => r.CanReport);
        });
        b.Entity<ChannelIdentity>(e =>
        {
            e.Property(i => i.Channel).HasMaxLength(16);
            e.Property(i => i.ExternalUserId).HasMaxLength(64);
            e.Property(i => i.ChatId).HasMaxLength(64);
            e.HasIndex(i => new { i.Channel, i.ExternalUserId }).IsUnique();
        });
        b.Entity<DisasterEvent>(e =>
        {
            e.Ignore(x => x.Number);
            e.ComplexProperty(x => x.Counts, c => c.Ignore(v => v.TotalKorban));
            e.HasMany(x => x.Reports).WithOne(r => r.Event).HasForeignKey(r => r.EventId);
            e.HasIndex(x => new { x.Kabupaten, x.Kecamatan, x.EventDate });
            // A covering index over the victim counts for capaian is created in SQL by the InitialCreate migrations
            // (EF cannot index complex-type columns).
            e.HasIndex(x => x.EventDate);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<DisasterReport>(e =>
        {
            e.ComplexProperty(x => x.Counts, c => c.Ignore(v => v.TotalKorban));
            Verified(e.ComplexProperty(x => x.Verification));
            // The verification queue and the verified figures look up an event's newest (verified) report.
            e.HasIndex(x => new { x.EventId, x.Id });
        });
        b.Entity<AidDistribution>(e =>
        {
            e.Ignore(x => x.Number);
            e.HasIndex(x => x.EventId);
            e.Property(x => x.Kabupaten).HasMaxLength(80);
            e.Property(x => x.Kecamatan).HasMaxLength(80);
            // Covers the capaian sums: area, period, item and unit, recipients.
            e.HasIndex(x => new { x.Kabupaten, x.Date, x.Kecamatan, x.ItemCode, x.RecipientUnit, x.Recipients });
            Verified(e.ComplexProperty(x => x.Verification));
        });
        b.Entity<PpksCase>(e =>
        {
            e.Ignore(x => x.Number);
            e.Ignore(x => x.IsHandled);
            e.Property(x => x.Nik).HasMaxLength(16);
            e.HasIndex(x => x.Nik);
            e.HasIndex(x => new { x.Kecamatan, x.Desa });
            e.HasIndex(x => x.ReportedOn);
            // Covers the capaian count (which leaves out cases merged into another).
            e.HasIndex(x => new { x.Kabupaten, x.ReportedOn, x.Kecamatan, x.TypeCode, x.Status, x.MergedIntoCaseId });
            // No foreign key for MergedIntoCaseId: adding one to an existing SQLite table rebuilds it outside a transaction.
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.VerifiedServiceCode).HasMaxLength(200);
            Verified(e.ComplexProperty(x => x.Verification));
        });
        b.Entity<PossibleDuplicate>(e =>
        {
            e.Property(x => x.Reason).HasMaxLength(8);
            e.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.OtherCase).WithMany().HasForeignKey(x => x.OtherCaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.Status);
        });
        b.Entity<AuditEntry>(e => e.HasIndex(x => x.Subject));
        b.Entity<TargetOverride>(e =>
        {
            e.Property(x => x.IndicatorId).HasMaxLength(64);
            e.Property(x => x.Region).HasMaxLength(80);
            e.HasIndex(x => new { x.IndicatorId, x.Region, x.Year }).IsUnique();
        });
        b.Entity<Conversation>(e => e.HasKey(x => x.UserKey));
        b.Entity<ProcessedMessage>(e => e.HasKey(x => new { x.Channel, x.MessageId }));
        b.Entity<ChannelCursor>(e => e.HasKey(x => x.Channel));
        b.Entity<ChannelContact>(e => e.HasKey(x => new { x.Channel, x.ChatId }));
        b.Entity<GroupChat>(e =>
        {
            e.HasKey(x => new { x.Channel, x.ChatId });
            e.Property(x => x.Area).HasMaxLength(80);
            e.Property(x => x.SendTime).HasMaxLength(5);
            e.Property(x => x.TimeZone).HasMaxLength(40);
        });
        b.Entity<OutboxMessage>(e =>
        {
            e.ToTable("Outbox");
            e.Property(x => x.Channel).HasMaxLength(16);
            e.Property(x => x.ChatId).HasMaxLength(64);
            e.Property(x => x.SourceMessageId).HasMaxLength(128);
            e.Property(x => x.ReplacesMessageId).HasMaxLength(32);
            e.Property(x => x.ClaimedBy).HasMaxLength(120);
            // The dispatcher's question: a channel's pending rows in order.
            e.HasIndex(x => new { x.Channel, x.State, x.Id });
            e.HasIndex(x => new { x.Channel, x.SourceMessageId });
            e.Property(x => x.Tag).HasMaxLength(32);
            e.HasIndex(x => x.Tag);
        });
        b.Entity<Alert>(e =>
        {
            e.Ignore(x => x.Number);
            e.Ignore(x => x.Tag);
            e.Property(x => x.Area).HasMaxLength(120);
            e.Property(x => x.Text).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.Recipients).WithOne().HasForeignKey(r => r.AlertId);
            e.HasIndex(x => x.FinalReportAt);
        });
        b.Entity<AlertRecipient>(e =>
        {
            e.Property(x => x.Channel).HasMaxLength(16);
            e.Property(x => x.ChatId).HasMaxLength(64);
            e.HasIndex(x => new { x.AlertId, x.ReporterId }).IsUnique();
            e.Property(x => x.DeliveryError).HasMaxLength(300);
        });
        b.Entity<ProcessedMessage>(e => e.HasIndex(x => x.At));
        b.Entity<JobClaim>(e =>
        {
            e.HasKey(x => new { x.Job, x.Occurrence });
            e.Property(x => x.Job).HasMaxLength(40);
            e.Property(x => x.Instance).HasMaxLength(120);
        });
        Rollup(b.Entity<EventRollup>(), []);
        Rollup(b.Entity<AidRollup>(), [nameof(AidRollup.ItemCode), nameof(AidRollup.RecipientUnit), nameof(AidRollup.State)]);
        Rollup(b.Entity<CaseRollup>(), [nameof(CaseRollup.TypeCode), nameof(CaseRollup.Status), nameof(CaseRollup.ServiceCode),
            nameof(CaseRollup.VerifiedStatus), nameof(CaseRollup.VerifiedServiceCode), nameof(CaseRollup.State)]);
        b.Entity<CaseRollup>().Property(x => x.VerifiedServiceCode).HasMaxLength(200);
        b.Entity<RollupState>().Property(x => x.Id).ValueGeneratedNever();
        foreach (var reportType in new[] { typeof(DisasterReport), typeof(AidDistribution), typeof(PpksCase) })
            b.Entity(reportType).HasIndex("ReporterId");
        foreach (var model in _models) model.Configure(b);
    }

    /// <summary>One row per bucket and group: the unique index also serves capaian's reads (area, grain, start range).
    /// Its nullable columns (a case's verified status) make it unique only for verified groups; the refresher's
    /// delete-then-insert keeps the rest single.</summary>
    private static void Rollup<T>(EntityTypeBuilder<T> e, string[] groups) where T : class, IRollupRow
    {
        e.Property(x => x.Kabupaten).HasMaxLength(80);
        e.Property(x => x.Kecamatan).HasMaxLength(80);
        e.HasIndex([nameof(IRollupRow.Kabupaten), nameof(IRollupRow.Kecamatan), nameof(IRollupRow.Grain), nameof(IRollupRow.Start), .. groups]).IsUnique();
    }

    private static void Verified(ComplexPropertyBuilder<Verification> v)
    {
        v.Ignore(x => x.IsVerified);
        v.Property(x => x.Reason).HasMaxLength(300);
    }
}

internal sealed class DateTimeOffsetToUnixMsConverter() : ValueConverter<DateTimeOffset, long>(
    v => ToStored(v),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v))
{
    /// <summary>The stored value, for SQL written by hand.</summary>
    public static long ToStored(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
}
