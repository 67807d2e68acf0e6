using System.Net;
using System.Text;
using MallPortal.Core.Orders.Payments;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Orders;

/// <summary>
/// Stands in for the site's /payments/notify/{gateway} endpoint behind the simulated providers' HTTP clients: it hands
/// the headers, raw body and form to <see cref="PaymentIntake"/> of the same app and answers as the endpoint would.
/// <see cref="FailFirst"/> makes the first calls fail as an unreachable site would.
/// </summary>
internal sealed class SiteNotifyHandler : HttpMessageHandler
{
    private const string NotifyPath = "/payments/notify/";
    private int _calls;

    public IServiceProvider? Services { get; set; }

    public int FailFirst { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Services is null)
        {
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("site starting") }; // seeding
        }
        if (Interlocked.Increment(ref _calls) <= FailFirst)
        {
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("site down") };
        }
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method != HttpMethod.Post || !path.StartsWith(NotifyPath, StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(f => f.Key, f => f.Value.ToString());
        var headers = request.Headers.Concat(request.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value));
        var payments = Services!.GetRequiredService<PaymentIntake>();
        var result = await payments.HandleNotificationAsync(path[NotifyPath.Length..], new GatewayCallback(headers, body, fields), cancellationToken);
        return new HttpResponseMessage((HttpStatusCode)result.Answer.StatusCode) { Content = new StringContent(result.Body) };
    }
}
