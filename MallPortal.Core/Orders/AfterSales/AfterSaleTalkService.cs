using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>协商记录: buyer, merchant and (on escalated cases) the platform write on a case; the other side is told.</summary>
public sealed class AfterSaleTalkService(IDbContextFactory<MallDbContext> contexts, NotificationService notifications, ILiveUpdates live, TimeProvider clock)
{
    public async Task SayAsync(Actor actor, AfterSaleParty party, string number, string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sale = await AfterSaleAccess.ForAsync(db, actor, party, number, cancellationToken);
        sale.Say(party, actor.UserId, text, clock.GetUtcNow().UtcDateTime);
        await OrderAccess.SaveAsync(db, cancellationToken);
        var owner = await db.Shops.Where(s => s.Id == sale.ShopId).Select(s => s.OwnerUserId).SingleAsync(cancellationToken);
        var values = new Dictionary<string, string> { ["number"] = sale.Number };
        if (party != AfterSaleParty.Buyer)
        {
            await notifications.NotifyAsync(sale.BuyerUserId, NotificationTemplates.AfterSaleMessage, values, $"/account/aftersales/{sale.Number}", cancellationToken);
        }
        if (party != AfterSaleParty.Merchant)
        {
            await notifications.NotifyAsync(owner, NotificationTemplates.AfterSaleMessage, values, $"/merchant/aftersales/{sale.Number}", cancellationToken);
        }
        await live.PublishAsync(new AfterSaleChanged(sale.Number, sale.BuyerUserId, sale.ShopId, sale.Status), cancellationToken);
    }
}
