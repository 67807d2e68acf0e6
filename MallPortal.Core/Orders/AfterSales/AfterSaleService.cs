using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Files;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>
/// The buyer's side of after-sales: apply on a line (within its window, for units not refunded or claimed yet, with up
/// to 6 photos), withdraw while the merchant has not answered, send the goods back, ask the platform to step in, talk.
/// </summary>
public sealed class AfterSaleService(IDbContextFactory<MallDbContext> contexts, AfterSaleSteps steps, IFileStore files, OrderNumbers numbers,
    IOptions<AfterSaleOptions> options, TimeProvider clock)
{
    public const long MaxPhotoBytes = AfterSaleEvidence.MaxPhotoBytes;

    public async Task<string> ApplyAsync(Actor actor, string orderNumber, int orderLineId, AfterSaleClaim claim, IReadOnlyList<byte[]> photos,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await OrderAccess.ForBuyerAsync(db, actor, orderNumber, cancellationToken);
        var line = order.Lines.SingleOrDefault(l => l.Id == orderLineId) ?? throw new DomainException(CoreText.OrderNotFound);
        await Risk.RiskHolds.EnsureNotHeldAsync(db, order, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        AfterSalePolicy.CheckOrder(order, claim, now, options.Value);
        var claimable = await AfterSaleQueries.ClaimableAsync(db, order, line, cancellationToken);
        if (claim.Quantity < 1 || claim.Quantity > claimable.Units)
        {
            throw new DomainException(claimable.Units == 0 ? CoreText.AfterSaleNothingLeft : string.Format(CoreText.AfterSaleQuantityInvalid, claimable.Units), "Quantity");
        }
        if (order.Status == OrderStatus.PendingShipment && claimable.UnitsLeftInOrder == claim.Quantity)
        {
            throw new DomainException(CoreText.AfterSaleWholeOrderBeforeShipment, "Quantity");
        }
        var evidence = AfterSaleEvidence.Check(photos, now);
        var amount = AfterSalePolicy.RefundFor(claimable.LinePaid, line.Quantity, claimable.RefundedUnits, claimable.Refunded, claim.Quantity);
        var sale = new AfterSale(numbers.AfterSale(now), order, line, claim, amount, evidence.Paths, now, now.AddHours(options.Value.MerchantHours));
        await evidence.SaveAsync(files, cancellationToken);
        db.AfterSales.Add(sale);
        await steps.CommitAsync(db, sale, order, string.Format(CoreText.AfterSaleApplied, sale.Number, AfterSaleText.Type(claim.Type), sale.Amount), actor.UserId,
            cancellationToken);
        return sale.Number;
    }

    public Task WithdrawAsync(Actor actor, string number, CancellationToken cancellationToken = default) =>
        ActAsync(actor, number, (sale, now) => sale.Withdraw(actor.UserId, now), cancellationToken);

    public Task EscalateAsync(Actor actor, string number, string? reason, CancellationToken cancellationToken = default) =>
        ActAsync(actor, number, (sale, now) => sale.Escalate(reason, actor.UserId, now), cancellationToken);

    /// <summary>The goods are on their way back: a carrier from the table and its number, checked like a shipment's.</summary>
    public Task ShipBackAsync(Actor actor, string number, string? carrierCode, string? trackingNumber, CancellationToken cancellationToken = default) =>
        ActAsync(actor, number, (sale, now) =>
        {
            sale.Ensure(AfterSaleTrigger.ShipBack);
            var (carrier, tracking) = Shipping.Carriers.Check(carrierCode, trackingNumber);
            sale.ShipBack(carrier.Code, tracking, actor.UserId, now);
        }, cancellationToken);

    private async Task ActAsync(Actor actor, string number, Action<AfterSale, DateTime> step, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sale = await AfterSaleAccess.ForAsync(db, actor, AfterSaleParty.Buyer, number, cancellationToken);
        step(sale, clock.GetUtcNow().UtcDateTime);
        await steps.CommitAsync(db, sale, actor.UserId, cancellationToken);
    }
}
