using MallPortal.Core.Orders.Payments.Stripe;
using MallPortal.Core.Orders.Payments.Stripe.Simulator;

namespace MallPortal.Features.Orders;

/// <summary>
/// The simulated Stripe's browser side, served by this app when Payments:Stripe:Mode is Simulator: its Stripe.js
/// look-alike and the card confirmation it posts to (publishable key and client secret, as Stripe.js sends them).
/// Another site as far as the shop is concerned: anonymous, no antiforgery.
/// </summary>
public static class StripeSimulatorEndpoints
{
    public static IEndpointRouteBuilder MapStripeSimulator(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<StripeSimulator>() is null)
        {
            return endpoints;
        }
        endpoints.MapGet(StripeModule.SimulatorScriptPath, () => Results.Text(StripeSimulatorScript.Text, "text/javascript; charset=utf-8")).AllowAnonymous();

        endpoints.MapPost("/simulators/stripe/v1/payment_intents/{id}/confirm", async (string id, HttpRequest request, StripeSimulator simulator, CancellationToken ct) =>
        {
            var form = request.HasFormContentType ? (await request.ReadFormAsync(ct)).ToDictionary(f => f.Key, f => f.Value.ToString()) : [];
            var answer = await simulator.ConfirmAsync(id, form, ct);
            return Results.Text(answer.Body, "application/json; charset=utf-8", statusCode: answer.Status);
        }).DisableAntiforgery().AllowAnonymous();
        return endpoints;
    }
}
