using System.Net;
using System.Text;

namespace MallPortal.Core.Orders.Payments.Stripe.Simulator;

/// <summary>Stripe.net's calls answered in process by the simulator: the same form-encoded request in, the same JSON out.</summary>
public sealed class StripeSimulatorHandler(StripeSimulator simulator) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var answer = simulator.Handle(request.Method.Method, request.RequestUri!.PathAndQuery, Header(request, "Authorization"),
            Header(request, "Idempotency-Key"), body);
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = new StringContent(answer.Body, Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("Request-Id", "req_" + StripeSimulatorKeys.Random(14));
        return response;
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
