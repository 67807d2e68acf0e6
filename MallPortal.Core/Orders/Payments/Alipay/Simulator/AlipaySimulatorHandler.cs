using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MallPortal.Core.Orders.Payments.Alipay.Simulator;

/// <summary>The shop's server calls to the simulated gateway, answered in process: the same form in, the same signed JSON out.</summary>
public sealed class AlipaySimulatorHandler(AlipaySimulator simulator) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get)
        {
            return simulator.BillFile(request.RequestUri!.AbsolutePath) is { } zip
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(zip) }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var form = QueryHelpers.ParseQuery(body).ToDictionary(f => f.Key, f => f.Value.ToString());
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(simulator.Answer(form), Encoding.UTF8, "application/json"),
        };
    }
}
