using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MallPortal.Tests.Support;

/// <summary>
/// The test server has no network peer: this startup filter gives every request the peer address a real socket would,
/// e.g. loopback for a reverse proxy on the same machine (whose X-Forwarded-* headers are then believed).
/// </summary>
public sealed class PeerAddress(IPAddress peer) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext context, Func<Task> nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = peer;
            return nextMiddleware();
        });
        next(app);
    };
}
