using MallPortal.Core.Common;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.AfterSales;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders.AfterSales;

/// <summary>Orders paid at the sandbox cashier (so the gateway can refund them), shipped, and received when asked.</summary>
internal static class AfterSaleTestKit
{
    public static async Task<(Actor Buyer, string Number, int LineId, TestSku Sku)> OrderAsync(OrderTestKit kit, int quantity = 2, bool receive = true,
        bool ship = true)
    {
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 20);
        var number = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, quantity)])).OrderNumbers);
        await kit.PayAtCashierAsync(buyer, number);
        if (ship)
        {
            await kit.ShipAsync(number);
        }
        if (ship && receive)
        {
            await kit.Get<OrderService>().ConfirmReceiptAsync(buyer, number);
        }
        return (buyer, number, (await kit.OrderAsync(number)).Lines.Single().Id, sku);
    }

    public static Task<string> ApplyAsync(OrderTestKit kit, Actor buyer, string number, int lineId, AfterSaleType type = AfterSaleType.ReturnAndRefund,
        AfterSaleReason reason = AfterSaleReason.Quality, int quantity = 1) =>
        kit.Get<AfterSaleService>().ApplyAsync(buyer, number, lineId, new AfterSaleClaim(type, reason, quantity, "有问题"), []);

    public static Task<AfterSale> CaseAsync(OrderTestKit kit, string number) =>
        kit.QueryAsync(c => c.AfterSales.Include(a => a.Events).AsNoTracking().SingleAsync(a => a.Number == number));

    public static async Task SetReturnAddressAsync(OrderTestKit kit, string merchantPhone = OrderTestKit.ShopA)
    {
        var merchant = await kit.MerchantAsync(merchantPhone);
        var shops = kit.Get<Core.Catalog.ShopService>();
        await shops.UpdateAsync(merchant, (await shops.GetMineAsync(merchant)) with { ReturnAddress = "售后组 0571-88888888 浙江省杭州市文一西路 998 号" });
    }
}
