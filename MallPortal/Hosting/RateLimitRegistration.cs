using System.Threading.RateLimiting;
using MallPortal.Resources;

namespace MallPortal.Hosting;

public static class RateLimitRegistration
{
    // Form posts that guess passwords or send codes; everything else is not limited here.
    private static readonly string[] LimitedPosts =
    [
        "/Account/Login", "/Account/LoginWithCode", "/Account/Register", "/Account/ForgotPassword",
        "/Account/ResetPassword", "/Account/Manage/ChangePassword", "/Account/Manage/ChangeContact",
    ];

    /// <summary>Per client IP: at most <c>RateLimits:AccountPostsPerMinute</c> account form posts a minute (HTTP 429 beyond).</summary>
    public static IServiceCollection AddMallRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = config.GetValue("RateLimits:AccountPostsPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>{UiText.TooManyRequestsTitle}</title>" +
                    $"<body style=\"font-family:sans-serif;text-align:center;padding:4rem\"><h1>{UiText.TooManyRequestsTitle}</h1>" +
                    $"<p>{UiText.TooManyRequestsText}</p><p><a href=\"/\">{UiText.BackToHome}</a></p></body></html>", cancellationToken);
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method)
                && LimitedPosts.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase))
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
        });
        return services;
    }
}
