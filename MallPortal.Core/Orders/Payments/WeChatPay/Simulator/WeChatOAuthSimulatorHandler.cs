using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MallPortal.Core.Orders.Payments.WeChatPay.Simulator;

/// <summary>The shop's code exchange (GET /sns/oauth2/access_token) answered in process by the simulated WeChat; 200 with errcode on errors, as WeChat does.</summary>
public sealed class WeChatOAuthSimulatorHandler(WeChatOAuthSimulator simulator) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var found = request.RequestUri!.AbsolutePath == "/sns/oauth2/access_token";
        var query = QueryHelpers.ParseQuery(request.RequestUri.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
        return Task.FromResult(new HttpResponseMessage(found ? HttpStatusCode.OK : HttpStatusCode.NotFound)
        {
            Content = new StringContent(found ? simulator.Exchange(query) : "", Encoding.UTF8, "application/json"),
        });
    }
}
