using System.Text;
using MallPortal.Core.Common;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Shipping.Kuaidi100;
using MallPortal.Hosting;
using Microsoft.AspNetCore.WebUtilities;

namespace MallPortal.Features.Orders;

public static class OrderEndpoints
{
    /// <summary>
    /// The gateways' server-to-server notifications and the carriers' tracking pushes (anonymous: the signature is the proof), and checkout as JSON for
    /// API clients and the flash-sale benchmark (signed-in users; JSON only, so a cross-site form cannot post it).
    /// </summary>
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Each provider's notification as received (headers, the raw body some of them sign, the form), answered as it expects.
        endpoints.MapPost("/payments/notify/{gateway}", async (string gateway, HttpRequest request, PaymentIntake payments, CancellationToken ct) =>
        {
            var result = await payments.HandleNotificationAsync(gateway, await CallbackAsync(request, ct), ct);
            return Results.Text(result.Answer.Body, result.Answer.ContentType, Encoding.UTF8, result.Answer.StatusCode);
        }).DisableAntiforgery().AllowAnonymous();

        // UnionPay brings the buyer's browser back by posting its front notification to frontUrl: it is only for the buyer's
        // eyes (the back notification or a query settles the payment), so it leads to the result page, which asks.
        endpoints.MapPost("/payments/return/{gateway}", async (string gateway, HttpRequest request, CancellationToken ct) =>
        {
            var orderId = request.HasFormContentType ? (await request.ReadFormAsync(ct))["orderId"].ToString() : "";
            return orderId.Length is > 0 and <= 40 && orderId.All(char.IsAsciiLetterOrDigit)
                ? Results.Redirect($"/pay/result/{orderId}")
                : Results.Redirect("/account/orders");
        }).DisableAntiforgery().AllowAnonymous();

        // Kuaidi100's push for one parcel (form fields param and sign); anything but its success JSON makes it retry.
        endpoints.MapPost("/logistics/kuaidi100/{shipmentId:int}", async (int shipmentId, HttpRequest request,
            Core.Orders.Shipping.LogisticsPushService pushes, CancellationToken ct) =>
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
            var taken = await pushes.HandleKuaidi100Async(shipmentId, form?["param"].ToString(), form?["sign"].ToString(), ct);
            return Results.Text(taken ? Kuaidi100Protocol.Acknowledgement : Kuaidi100Protocol.Refusal, "application/json",
                statusCode: taken ? 200 : 400);
        }).DisableAntiforgery().AllowAnonymous();

        endpoints.MapPost("/api/checkout", async (CheckoutRequest body, HttpContext context, CheckoutService checkout, CancellationToken ct) =>
        {
            try
            {
                var input = new CheckoutInput(body.Lines.Select(l => new CheckoutLine(l.SkuId, l.Quantity)).ToList(), body.AddressId,
                    body.PaymentMethod, body.IdempotencyKey, ClientAddress: context.Connection.RemoteIpAddress?.ToString() ?? AbuseLimits.UnknownAddress);
                var result = await checkout.PlaceOrderAsync(context.User.ToActor(), input, ct);
                return Results.Ok(new { result.PaymentNumber, AmountFen = result.Amount.Fen, result.OrderNumbers });
            }
            catch (DomainException ex)
            {
                return Results.Json(new { error = ex.Message, field = ex.Field }, statusCode: StatusCodes.Status409Conflict);
            }
        }).RequireAuthorization();
        return endpoints;
    }

    /// <summary>A notification's headers, raw body (at most 64 KB) and form fields.</summary>
    private static async Task<GatewayCallback> CallbackAsync(HttpRequest request, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
        {
            length += read;
        }
        var body = buffer[..length];
        var form = request.HasFormContentType
            ? QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(f => f.Key, f => f.Value.ToString())
            : [];
        return new GatewayCallback(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()), body, form);
    }

    public sealed record CheckoutRequest(IReadOnlyList<CheckoutRequestLine> Lines, int AddressId, string PaymentMethod, string IdempotencyKey);

    public sealed record CheckoutRequestLine(int SkuId, int Quantity);
}
