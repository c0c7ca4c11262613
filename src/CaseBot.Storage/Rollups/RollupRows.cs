using CaseBot.Domain.Entities;

namespace CaseBot.Storage.Rollups;

/// <summary>A rollup row's date bucket: one day, or the calendar month starting at <see cref="IRollupRow.Start"/>.</summary>
public enum RollupGrain { Day, Month }

/// <summary>
/// What capaian sums, pre-summed per area and date bucket (<see cref="RollupRefresher"/> keeps them, from the raw rows,
/// in the transaction of every write that changes a figure). Rows exist per kecamatan and per whole kabupaten
/// (<see cref="WholeKabupaten"/>), so a province question reads a few dozen month rows instead of every report.
/// </summary>
public interface IRollupRow
{
    /// <summary>The kecamatan of the kabupaten-level rows: no kecamatan is named so (aid rows may carry "").</summary>
    const string WholeKabupaten = "*";

    long Id { get; set; }
    RollupGrain Grain { get; set; }
    DateOnly Start { get; set; }
    string Kabupaten { get; set; }
    string Kecamatan { get; set; }

    /// <summary>The columns it is grouped by beyond its area and date bucket.</summary>
    object GroupKey();

    /// <summary>A copy in another bucket with the figures of both added (rolling days into months, kecamatan into kabupaten).</summary>
    IRollupRow Plus(IRollupRow other);

    /// <summary>A new row (no id) of the same group and figures in the given bucket.</summary>
    IRollupRow At(RollupGrain grain, DateOnly start, string kabupaten, string kecamatan);
}

/// <summary>The bucket members every rollup row shares.</summary>
public abstract class RollupRow<T> : IRollupRow where T : RollupRow<T>
{
    public long Id { get; set; }
    public RollupGrain Grain { get; set; }
    public DateOnly Start { get; set; }
    public string Kabupaten { get; set; } = "";
    public string Kecamatan { get; set; } = "";

    public abstract object GroupKey();

    protected abstract void Add(T other);

    public IRollupRow Plus(IRollupRow other)
    {
        var sum = (T)MemberwiseClone();
        sum.Add((T)other);
        return sum;
    }

    public IRollupRow At(RollupGrain grain, DateOnly start, string kabupaten, string kecamatan)
    {
        var row = (T)MemberwiseClone();
        (row.Id, row.Grain, row.Start, row.Kabupaten, row.Kecamatan) = (0, grain, start, kabupaten, kecamatan);
        return row;
    }
}

/// <summary>Victims of the events dated in the bucket: all current figures, and those of each event's newest verified report.</summary>
public sealed class EventRollup : RollupRow<EventRollup>
{
    public long Handled { get; set; }
    public long All { get; set; }
    public int Events { get; set; }
    public long VerifiedHandled { get; set; }
    public long VerifiedAll { get; set; }
    /// <summary>Events whose newest report is verified (the others wait for verification).</summary>
    public int NewestVerified { get; set; }

    public override object GroupKey() => 0;

    protected override void Add(EventRollup o) =>
        (Handled, All, Events, VerifiedHandled, VerifiedAll, NewestVerified) =
        (Handled + o.Handled, All + o.All, Events + o.Events, VerifiedHandled + o.VerifiedHandled, VerifiedAll + o.VerifiedAll, NewestVerified + o.NewestVerified);
}

/// <summary>Aid handed out in the bucket, per item, recipient unit and verification state.</summary>
public sealed class AidRollup : RollupRow<AidRollup>
{
    public string ItemCode { get; set; } = "";
    public RecipientUnit RecipientUnit { get; set; }
    public VerificationState State { get; set; }
    public long Recipients { get; set; }
    public int Reports { get; set; }

    public override object GroupKey() => (ItemCode, RecipientUnit, State);

    protected override void Add(AidRollup o) => (Recipients, Reports) = (Recipients + o.Recipients, Reports + o.Reports);
}

/// <summary>Cases reported in the bucket (merged ones left out), per type, status, services and verification.</summary>
public sealed class CaseRollup : RollupRow<CaseRollup>
{
    public string TypeCode { get; set; } = "";
    public CaseStatus Status { get; set; }
    public string ServiceCode { get; set; } = "";
    public CaseStatus? VerifiedStatus { get; set; }
    public string? VerifiedServiceCode { get; set; }
    public VerificationState State { get; set; }
    public int Count { get; set; }

    public override object GroupKey() => (TypeCode, Status, ServiceCode, VerifiedStatus, VerifiedServiceCode, State);

    protected override void Add(CaseRollup o) => Count += o.Count;
}

/// <summary>One row once the rollups were built from every raw row (<see cref="RollupRebuild"/>): until then the host
/// builds them at start, so upgrading a database needs no manual step.</summary>
public sealed class RollupState
{
    public int Id { get; set; }
    public DateTimeOffset BuiltAt { get; set; }
}
