using System.Net;
using MallPortal.Core.Orders.Payments;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Orders;

/// <summary>
/// Stands in for the site's /payments/notify/{gateway} endpoint behind the sandbox provider's HTTP client: it reads the
/// form body, hands the fields to <see cref="PaymentService"/> of the same app and answers with its body and status.
/// <see cref="FailFirst"/> makes the first calls fail as an unreachable site would.
/// </summary>
internal sealed class SandboxNotifyHandler : HttpMessageHandler
{
    private const string NotifyPath = "/payments/notify/";
    private int _calls;

    public IServiceProvider? Services { get; set; }

    public int FailFirst { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) <= FailFirst)
        {
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("site down") };
        }
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method != HttpMethod.Post || !path.StartsWith(NotifyPath, StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var fields = QueryHelpers.ParseQuery(body).ToDictionary(f => f.Key, f => f.Value.ToString());
        var payments = Services!.GetRequiredService<PaymentService>();
        var result = await payments.HandleNotificationAsync(path[NotifyPath.Length..], GatewayCallback.FromForm(fields), cancellationToken);
        return new HttpResponseMessage(result.Accepted ? HttpStatusCode.OK : HttpStatusCode.BadRequest) { Content = new StringContent(result.Body) };
    }
}
