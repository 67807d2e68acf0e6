using System.Net;
using System.Text;

namespace MallPortal.Core.Orders.Payments.WeChatPay.Simulator;

/// <summary>The shop's API v3 calls answered in process by the simulator: the same signed request in, the same signed answer out.</summary>
public sealed class WeChatPaySimulatorHandler(WeChatPaySimulator simulator) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var authorization = request.Headers.TryGetValues("Authorization", out var values) ? values.FirstOrDefault() : null;
        var answer = simulator.Handle(request.Method.Method, request.RequestUri!.PathAndQuery, authorization, body);
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = new StringContent(answer.Body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }
        return response;
    }
}
