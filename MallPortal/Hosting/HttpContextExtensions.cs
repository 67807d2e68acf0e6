namespace MallPortal.Hosting;

public static class HttpContextExtensions
{
    /// <summary>The client's IP for per-client limits (behind a proxy, configure forwarded headers).</summary>
    public static string ClientIp(this HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
