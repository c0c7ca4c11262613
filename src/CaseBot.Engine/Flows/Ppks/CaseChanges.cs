using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;

namespace CaseBot.Engine.Flows;

/// <summary>Changes to an existing PPKS case, each written to the audit trail (who, when, old, new).</summary>
public static class CaseChanges
{
    public static void Apply(FlowSession ctx, PpksCase c, CaseStatus status, string serviceCode, string? note)
    {
        Change(ctx, c, "status", c.Status.ToString(), status.ToString());
        Change(ctx, c, "layanan", c.ServiceCode, serviceCode);
        if (!c.IsHandled && status is CaseStatus.Ditangani or CaseStatus.Selesai) c.HandledAt = ctx.Now;
        c.Status = status;
        c.ServiceCode = serviceCode;
        if (!string.IsNullOrWhiteSpace(note))
        {
            var appended = $"{c.Description}\n[{IndonesianFormat.Date(ctx.Today)}] {note}";
            Change(ctx, c, "keterangan", c.Description, appended);
            c.Description = appended;
        }
        c.UpdatedAt = ctx.Now;
        c.Verification = new Domain.Entities.Verification(); // a changed case waits for verification again
    }

    private static void Change(FlowSession ctx, PpksCase c, string field, string old, string now)
    {
        if (old == now) return;
        ctx.Store.AddAudit(new AuditEntry
        {
            Subject = c.Number, Field = field, OldValue = old, NewValue = now, ByReporterId = ctx.Reporter?.Id, At = ctx.Now,
        });
    }
}
