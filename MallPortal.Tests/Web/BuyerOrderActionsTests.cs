using Bunit;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Features.Orders;
using MallPortal.Hosting;
using MallPortal.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MallPortal.Tests.Web;

/// <summary>Only the steps the order's status allows are offered (the services refuse the others anyway).</summary>
public class BuyerOrderActionsTests : BunitContext, IAsyncLifetime
{
    private TestDatabase? _db;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Services.AddMudServices();
        Services.AddSingleton(_db.Services.GetRequiredService<OrderService>());
        Services.AddSingleton(_db.Services.GetRequiredService<RefundService>());
        Services.AddSingleton(_db.Services.GetRequiredService<BuyerOrderService>());
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new OrderOptions()));
        Services.AddSingleton(_db.Services.GetRequiredService<PaymentService>());
        Services.AddSingleton(new PublicAddress(new ConfigurationBuilder().Build()));
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized("13800000021");
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _db!.DisposeAsync();
    }

    [Theory]
    [InlineData(OrderStatus.PendingPayment, false, false, "去支付,取消订单")]
    [InlineData(OrderStatus.PendingShipment, false, false, "申请取消")]
    [InlineData(OrderStatus.PendingShipment, true, false, "撤销申请")]
    [InlineData(OrderStatus.PendingReceipt, false, false, "延长收货,确认收货")]
    [InlineData(OrderStatus.PendingReceipt, false, true, "确认收货")]
    [InlineData(OrderStatus.Completed, false, false, "删除订单,再次购买")]
    [InlineData(OrderStatus.Cancelled, false, false, "删除订单,再次购买")]
    public void Each_status_offers_only_its_own_steps(OrderStatus status, bool cancellationOpen, bool receiptExtended, string expected)
    {
        var actions = Render<BuyerOrderActions>(p => p
            .Add(a => a.Number, "20261126100000123456")
            .Add(a => a.Status, status)
            .Add(a => a.CancellationOpen, cancellationOpen)
            .Add(a => a.ReceiptExtended, receiptExtended));

        var buttons = actions.FindAll("button, a").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), buttons);
    }
}
