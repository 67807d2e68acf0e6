using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>
/// Cases through the real services: the shops' return addresses; 刘洋 returns a speaker (quality) that the shop takes back
/// and refunds; the distributors' customers (孙丽 first) have one claim waiting for the shop, one return agreed and waiting
/// for the parcel, and one the shop refused that went to the platform.
/// </summary>
public sealed class AfterSaleDemoSeeder(IDbContextFactory<MallDbContext> contexts, ShopService shops, AfterSaleService buyers,
    MerchantAfterSaleService merchants, AfterSaleTalkService talk) : IDemoSeeder
{
    public string Name => "aftersales";

    public int Order => 460;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owners = await db.Shops.OrderBy(s => s.Id).Select(s => s.OwnerUserId).ToListAsync(cancellationToken);
        foreach (var (owner, i) in owners.Select((o, i) => (o, i)))
        {
            var merchant = new Actor(owner, new HashSet<string> { Roles.Merchant });
            var settings = await shops.GetMineAsync(merchant, cancellationToken);
            await shops.UpdateAsync(merchant, settings with { ReturnAddress = $"售后组 {settings.ServicePhone} 浙江省杭州市余杭区仓前街道文一西路 {998 + i} 号 {i + 1} 号仓" },
                cancellationToken);
        }
        // Orders whose money was received (paid online, or cash collected) and whose goods have left the shop.
        var claimable = await (from o in db.Orders join u in db.Users on o.BuyerUserId equals u.Id join s in db.Shops on o.ShopId equals s.Id
                               where (o.Status == OrderStatus.Completed || o.Status == OrderStatus.PendingReceipt) && o.PaidAt != null
                               orderby o.Id
                               select new { o.Number, o.Status, u.PhoneNumber, o.BuyerUserId, s.OwnerUserId, Line = o.Lines.OrderBy(l => l.Id).Select(l => l.Id).First() })
            .ToListAsync(cancellationToken);
        Actor Buyer(int id) => new(id, new HashSet<string> { Roles.Consumer });
        Actor Merchant(int id) => new(id, new HashSet<string> { Roles.Merchant });

        var liu = claimable.First(o => o.PhoneNumber == "13800000022" && o.Status == OrderStatus.Completed);
        var returned = await buyers.ApplyAsync(Buyer(liu.BuyerUserId), liu.Number, liu.Line,
            new AfterSaleClaim(AfterSaleType.ReturnAndRefund, AfterSaleReason.Quality, 1, "左声道有杂音，音量调大后更明显"), [], cancellationToken);
        await merchants.ApproveAsync(Merchant(liu.OwnerUserId), returned, cancellationToken);
        await buyers.ShipBackAsync(Buyer(liu.BuyerUserId), returned, "shunfeng", "SF3000000000001", cancellationToken);
        await merchants.ReceiveAsync(Merchant(liu.OwnerUserId), returned, restock: true, null, cancellationToken);

        // The distributors' customers (孙丽 first): one claim waiting for the shop, one return agreed, one dispute at the platform.
        var sun = claimable.Where(o => o.PhoneNumber != "13800000022").OrderBy(o => o.PhoneNumber != "13800000023").Take(3).ToList();
        var waiting = await buyers.ApplyAsync(Buyer(sun[0].BuyerUserId), sun[0].Number, sun[0].Line,
            new AfterSaleClaim(AfterSaleType.ReturnAndRefund, AfterSaleReason.NoReason, 1, "买重复了"), [], cancellationToken);
        await talk.SayAsync(Buyer(sun[0].BuyerUserId), AfterSaleParty.Buyer, waiting, "包装都没拆，麻烦尽快处理，谢谢", cancellationToken);
        var agreed = await buyers.ApplyAsync(Buyer(sun[1].BuyerUserId), sun[1].Number, sun[1].Line,
            new AfterSaleClaim(AfterSaleType.ReturnAndRefund, AfterSaleReason.NotAsDescribed, 1, "颜色和图片差别很大"), [], cancellationToken);
        await merchants.ApproveAsync(Merchant(sun[1].OwnerUserId), agreed, cancellationToken);
        var disputed = await buyers.ApplyAsync(Buyer(sun[2].BuyerUserId), sun[2].Number, sun[2].Line,
            new AfterSaleClaim(AfterSaleType.RefundOnly, AfterSaleReason.Damaged, 1, "外壳有裂纹，要求部分退款"), [], cancellationToken);
        await merchants.RejectAsync(Merchant(sun[2].OwnerUserId), disputed, "发货前已检查无破损，请提供开箱视频", cancellationToken);
        await buyers.EscalateAsync(Buyer(sun[2].BuyerUserId), disputed, "快递签收时外壳已经裂开，有照片为证", cancellationToken);
    }
}
