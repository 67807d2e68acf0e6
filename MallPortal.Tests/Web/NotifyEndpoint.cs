using System.Text;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Payments;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Web;

/// <summary>The steps the notification endpoint tests share: an order whose pay page opened its trade, a notification (JSON or form) posted as sent.</summary>
internal static class NotifyEndpoint
{
    /// <summary>A demo buyer's order at <paramref name="gateway"/> whose pay page started the payment (the trade is open, unpaid).</summary>
    public static async Task<(string Payment, string Order)> OpenedAsync<TStart>(MallPortalFactory factory, string buyer, string gateway) where TStart : GatewayStart
    {
        await ApiCheckout.RestockPillowAsync(factory, 1);
        var placed = await ApiCheckout.PlaceAsync(factory, buyer, gateway);
        var start = await factory.Services.GetRequiredService<PaymentService>().StartAsync(await ApiCheckout.ActorAsync(factory, buyer),
            placed.OrderNumber, "http://localhost/");
        Assert.IsType<TStart>(start.Start);
        return (placed.PaymentNumber, placed.OrderNumber);
    }

    /// <summary>The raw JSON body and its signed headers, posted to /payments/notify/<paramref name="gateway"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(MallPortalFactory factory, string gateway, string body, IReadOnlyDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments/notify/" + gateway) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await factory.CreateBrowserlessClient().SendAsync(request);
    }

    /// <summary>A form notification (Alipay, UnionPay) posted to /payments/notify/<paramref name="gateway"/>.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(MallPortalFactory factory, string gateway, IReadOnlyDictionary<string, string> fields) =>
        factory.CreateBrowserlessClient().PostAsync("/payments/notify/" + gateway, new FormUrlEncodedContent(fields));

    public static Task<MallDbContext> ContextAsync(MallPortalFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
}
