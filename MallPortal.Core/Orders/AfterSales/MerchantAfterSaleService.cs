using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Files;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>
/// The merchant's side: agree (仅退款 pays back at once; 退货退款 gives the buyer the shop's return address), refuse with a
/// reason, take the returned goods in (back on the shelf, or written off with a reason) which pays back, or refuse them.
/// </summary>
public sealed class MerchantAfterSaleService(IDbContextFactory<MallDbContext> contexts, AfterSaleSteps steps, AfterSaleRefunder refunder,
    IFileStore files, IOptions<AfterSaleOptions> options, TimeProvider clock)
{
    public async Task ApproveAsync(Actor actor, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sale = await AfterSaleAccess.ForAsync(db, actor, AfterSaleParty.Merchant, number, cancellationToken);
        await ApproveAsync(db, sale, actor.UserId, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>The merchant's answer, or the one given for it when its time ran out (<paramref name="actorUserId"/> null).</summary>
    internal async Task ApproveAsync(MallDbContext db, AfterSale sale, int? actorUserId, DateTime now, CancellationToken cancellationToken)
    {
        if (sale.Type == AfterSaleType.RefundOnly)
        {
            await refunder.RefundAsync(db, sale, sale.Amount, restock: false, null, actorUserId, now, cancellationToken);
            return;
        }
        sale.Ensure(AfterSaleTrigger.ApproveReturn);
        var address = await db.Shops.Where(s => s.Id == sale.ShopId).Select(s => s.ReturnAddress).SingleAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new DomainException(CoreText.AfterSaleNoReturnAddress);
        }
        sale.ApproveReturn(address, actorUserId, now, now.AddDays(options.Value.ReturnDays));
        await steps.CommitAsync(db, sale, actorUserId, cancellationToken);
    }

    public Task RejectAsync(Actor actor, string number, string? reason, CancellationToken cancellationToken = default) =>
        ActAsync(actor, number, async (db, sale, now) =>
        {
            sale.Reject(reason, actor.UserId, now);
            await steps.CommitAsync(db, sale, actor.UserId, cancellationToken);
        }, cancellationToken);

    /// <summary>The goods arrived: back on the shelf, or (with a reason) written off; the money goes back.</summary>
    public Task ReceiveAsync(Actor actor, string number, bool restock, string? writeOffReason, CancellationToken cancellationToken = default) =>
        ActAsync(actor, number, async (db, sale, now) =>
        {
            sale.Ensure(AfterSaleTrigger.Refund);
            var reason = (writeOffReason ?? "").Trim();
            if (!restock && reason.Length is 0 or > AfterSale.ReasonTextMaxLength)
            {
                throw new DomainException(string.Format(CoreText.AfterSaleWriteOffReason, AfterSale.ReasonTextMaxLength), "WriteOff");
            }
            await refunder.RefundAsync(db, sale, sale.Amount, restock, restock ? null : string.Format(CoreText.AfterSaleWrittenOff, reason), actor.UserId, now,
                cancellationToken);
        }, cancellationToken);

    public Task RefuseReturnAsync(Actor actor, string number, string? reason, IReadOnlyList<byte[]> photos, CancellationToken cancellationToken = default) =>
        ActAsync(actor, number, async (db, sale, now) =>
        {
            sale.Ensure(AfterSaleTrigger.RefuseReturn);
            var evidence = AfterSaleEvidence.Check(photos, now);
            sale.RefuseReturn(reason, evidence.Paths, actor.UserId, now);
            await evidence.SaveAsync(files, cancellationToken);
            await steps.CommitAsync(db, sale, actor.UserId, cancellationToken);
        }, cancellationToken);

    private async Task ActAsync(Actor actor, string number, Func<MallDbContext, AfterSale, DateTime, Task> step, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sale = await AfterSaleAccess.ForAsync(db, actor, AfterSaleParty.Merchant, number, cancellationToken);
        await step(db, sale, clock.GetUtcNow().UtcDateTime);
    }
}
