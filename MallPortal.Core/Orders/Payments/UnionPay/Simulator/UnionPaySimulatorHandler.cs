using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MallPortal.Core.Orders.Payments.UnionPay.Simulator;

/// <summary>The shop's server calls to the simulated gateway, answered in process: the same form in, the same signed k=v text out.</summary>
public sealed class UnionPaySimulatorHandler(UnionPaySimulator simulator) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var form = QueryHelpers.ParseQuery(body).ToDictionary(f => f.Key, f => f.Value.ToString());
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(simulator.Answer(request.RequestUri!.AbsolutePath, form), Encoding.UTF8, "text/plain"),
        };
    }
}
