using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Notifications;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Settlement;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Risk;

/// <summary>
/// 佣金风控审核: the admin's queue of commissions held for abuse signals. Released, a commission settles as any other (at
/// once when its window has passed); voided, what is left of it goes back to the shop that funded it. The distributor is told.
/// </summary>
public sealed class CommissionHoldService(IDbContextFactory<MallDbContext> contexts, NotificationService notifications, ILiveUpdates live, TimeProvider clock)
{
    public const int NoteMaxLength = 200;

    public async Task<Page<HeldCommissionRow>> QueueAsync(Actor actor, CommissionHold hold, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var held = db.Commissions.Where(c => c.Hold == hold);
        var total = await held.CountAsync(cancellationToken);
        var rows = await (from c in held
                          join o in db.Orders on c.OrderId equals o.Id
                          join l in db.OrderLines on c.OrderLineId equals l.Id
                          join d in db.Distributors on c.DistributorId equals d.Id
                          orderby c.EstimatedAt descending, c.Id descending
                          select new { c, o.Number, l.Title, d.Name, d.Mobile, o.RecipientName, o.RecipientMobile, o.RecipientProvince, o.RecipientCity,
                              o.RecipientDistrict, o.RecipientStreet })
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<HeldCommissionRow>(rows.Select(r => new HeldCommissionRow(r.c.Id, r.Number, r.Title, r.c.DistributorId, r.Name, r.Mobile,
            r.RecipientName, r.RecipientMobile, Accounts.ShippingAddress.Compose(r.RecipientProvince, r.RecipientCity, r.RecipientDistrict, r.RecipientStreet),
            r.c.Level, r.c.AmountFen, r.c.ReversedFen, r.c.Status, r.c.Risk, r.c.Hold, r.c.HoldNote, r.c.EstimatedAt)).ToList(), total);
    }

    /// <summary>Release (a note is optional) or void (the reason is required) a held commission; a second decision is refused.</summary>
    public async Task ReviewAsync(Actor actor, int commissionId, bool release, string? note, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > NoteMaxLength || (!release && note is null))
        {
            throw new DomainException(string.Format(CoreText.CommissionVoidReasonRequired, NoteMaxLength), "Note");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var commission = await db.Commissions.SingleOrDefaultAsync(c => c.Id == commissionId, cancellationToken)
            ?? throw new DomainException(CoreText.CommissionNotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        commission.Review(release, note, actor.UserId, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ledger = new CommissionLedger(db, now);
        var shops = new ShopLedger(db, now);
        if (!release)
        {
            var bucket = commission.Bucket;
            var taken = commission.ReverseTo(commission.AmountFen);
            ledger.Move(commission, CommissionEntryKind.Voided, bucket, null, taken);
            await shops.OnOrderAsync(commission.OrderId, commission.OrderLineId, SettlementEntryKind.CommissionReturned, taken, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(CoreText.CommissionHoldDecided);
        }
        // Released after its window: it settles now, by the settle job's own rule, rather than at the job's next run.
        if (release && await CommissionService.Due(db, now).AnyAsync(c => c.Id == commission.Id, cancellationToken))
        {
            CommissionService.Settle(ledger, commission, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        await ledger.FlushAsync(cancellationToken);
        await shops.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await NotifyAsync(db, commission, cancellationToken);
    }

    private async Task NotifyAsync(MallDbContext db, Commission commission, CancellationToken cancellationToken)
    {
        var who = await db.Distributors.Where(d => d.Id == commission.DistributorId).Select(d => d.UserId).SingleAsync(cancellationToken);
        var number = await db.Orders.Where(o => o.Id == commission.OrderId).Select(o => o.Number).SingleAsync(cancellationToken);
        var template = commission.Hold == CommissionHold.Released ? NotificationTemplates.CommissionReleased : NotificationTemplates.CommissionVoided;
        await notifications.NotifyAsync(who, template, new Dictionary<string, string>
        {
            ["number"] = number, ["amount"] = new Money(commission.AmountFen).ToString(), ["reason"] = commission.HoldNote ?? "",
        }, "/distributor/income", cancellationToken);
        await live.PublishAsync(new CommissionsChanged([commission.DistributorId]), cancellationToken);
    }
}

public sealed record HeldCommissionRow(int Id, string OrderNumber, string Product, int DistributorId, string Distributor, string DistributorMobile,
    string Recipient, string RecipientMobile, string Address, int Level, long AmountFen, long ReversedFen, CommissionStatus Status, CommissionRisk Risk,
    CommissionHold Hold, string? Note, DateTime EstimatedAt)
{
    public Money Net => new(AmountFen - ReversedFen);
}
