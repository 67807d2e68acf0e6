using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>After a case's step has committed: the party who must act next is told, and open case pages and queues reload.</summary>
public sealed class AfterSaleNotifier(IDbContextFactory<MallDbContext> contexts, NotificationService notifications, ILiveUpdates live)
{
    public async Task AfterCommitAsync(int afterSaleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sale = await (from a in db.AfterSales.AsNoTracking()
                          join s in db.Shops on a.ShopId equals s.Id
                          where a.Id == afterSaleId
                          select new { a.Number, a.BuyerUserId, a.ShopId, a.Status, a.RefundedAmount, a.DecisionNote, s.OwnerUserId }).SingleAsync(cancellationToken);
        var values = new Dictionary<string, string>
        {
            ["number"] = sale.Number, ["amount"] = sale.RefundedAmount.ToString(), ["reason"] = sale.DecisionNote ?? "",
        };
        var (buyerLink, shopLink, adminLink) = ($"/account/aftersales/{sale.Number}", $"/merchant/aftersales/{sale.Number}", $"/admin/aftersales/{sale.Number}");
        Task Tell(int userId, NotificationTemplate template, string link) => notifications.NotifyAsync(userId, template, values, link, cancellationToken);
        switch (sale.Status)
        {
            case AfterSaleStatus.PendingMerchant:
                await Tell(sale.OwnerUserId, NotificationTemplates.AfterSaleRequested, shopLink);
                break;
            case AfterSaleStatus.AwaitingReturn:
                await Tell(sale.BuyerUserId, NotificationTemplates.AfterSaleReturnAgreed, buyerLink);
                break;
            case AfterSaleStatus.Rejected or AfterSaleStatus.ReturnRefused:
                await Tell(sale.BuyerUserId, NotificationTemplates.AfterSaleRefused, buyerLink);
                break;
            case AfterSaleStatus.AwaitingReceipt:
                await Tell(sale.OwnerUserId, NotificationTemplates.AfterSaleGoodsSent, shopLink);
                break;
            case AfterSaleStatus.Arbitration:
                await notifications.NotifyManyAsync(await AdminLookup.Ids(db).ToListAsync(cancellationToken), NotificationTemplates.AfterSaleEscalated,
                    values, adminLink, cancellationToken);
                await Tell(sale.OwnerUserId, NotificationTemplates.AfterSaleEscalated, shopLink);
                break;
            case AfterSaleStatus.Refunded:
                await Tell(sale.BuyerUserId, NotificationTemplates.AfterSaleRefunded, buyerLink);
                break;
            case AfterSaleStatus.Closed:
                await Tell(sale.BuyerUserId, NotificationTemplates.AfterSaleClosed, buyerLink);
                break;
        }
        await live.PublishAsync(new AfterSaleChanged(sale.Number, sale.BuyerUserId, sale.ShopId, sale.Status), cancellationToken);
    }
}

/// <summary>A case moved or gained a message: its pages, the buyer's list, the shop's queue and the platform's queue reload.</summary>
public sealed record AfterSaleChanged(string Number, int BuyerUserId, int ShopId, AfterSaleStatus Status);
