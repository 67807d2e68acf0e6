using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using MallPortal.Core.Common;
using MallPortal.Resources;
using Microsoft.AspNetCore.RateLimiting;

namespace MallPortal.Hosting;

/// <summary>
/// Attempts a minute (<c>RateLimits:*</c>, <see cref="AbuseLimitOptions"/>) per client address and per account for login,
/// code sending, registration, /r/ promotion clicks and the JSON API; beyond either, HTTP 429 with Retry-After, a Chinese
/// page or, for JSON, a problem document. Checkout inside the live page is limited in Core (<see cref="AbuseLimits"/>).
/// Both count in the same windows (<see cref="IAbuseWindows"/>): per instance, or in Redis when scaled out.
/// </summary>
public static class RateLimitRegistration
{
    private static readonly string[] AccountPosts =
    [
        "/Account/Login", "/Account/LoginWithCode", "/Account/Register", "/Account/ForgotPassword",
        "/Account/ResetPassword", "/Account/Manage/ChangePassword", "/Account/Manage/ChangeContact",
    ];

    private static readonly string[] LoginPosts = ["/Account/Login", "/Account/LoginWithCode", "/Account/ForgotPassword", "/Account/ResetPassword"];

    public static IServiceCollection AddMallRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var limits = config.GetSection(AbuseLimitOptions.Section).Get<AbuseLimitOptions>() ?? new AbuseLimitOptions();
        services.AddRateLimiter(_ => { });
        // The windows are counted where IAbuseWindows says: in this process, or in Redis shared by every instance.
        services.AddOptions<RateLimiterOptions>().Configure<IAbuseWindows>((o, windows) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsAccountPost(context)
                    ? windows.For("account-posts/" + AddressOf(context), limits.AccountPostsPerMinute)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => ActionOf(context, limits) is { } action
                    ? windows.For($"{action.Name}/ip/{AddressOf(context)}", action.PerIp)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => ActionOf(context, limits) is { Account: { } account } action
                    ? windows.For($"{action.Name}/account/{account}", action.PerAccount)
                    : RateLimitPartition.GetNoLimiter("")));
        });
        return services;
    }

    /// <summary>What a request attempts, and whose account it is: the signed-in user, or the login typed into an account form.</summary>
    private sealed record LimitedAction(string Name, int PerIp, int PerAccount, string? Account);

    private static LimitedAction? ActionOf(HttpContext context, AbuseLimitOptions limits)
    {
        if (context.Items.TryGetValue(typeof(LimitedAction), out var known))
        {
            return (LimitedAction?)known;
        }
        var action = Classify(context, limits);
        context.Items[typeof(LimitedAction)] = action;
        return action;
    }

    private static LimitedAction? Classify(HttpContext context, AbuseLimitOptions limits)
    {
        var (path, user) = (context.Request.Path, context.User.FindFirstValue(ClaimTypes.NameIdentifier));
        if (path.StartsWithSegments("/api"))
        {
            return new("api", limits.ApiPerIpPerMinute, limits.ApiPerAccountPerMinute, user);
        }
        // A person opens a promotion link a few times a minute; dozens from one address or account inflate a
        // distributor's clicks, so they are refused (429) and not counted.
        if (path.StartsWithSegments("/r") && HttpMethods.IsGet(context.Request.Method))
        {
            return new("clicks", limits.PromotionClicksPerIpPerMinute, limits.PromotionClicksPerAccountPerMinute, user);
        }
        if (!IsAccountPost(context))
        {
            return null;
        }
        var form = SmallForm(context);
        var account = form?["Input.Login"].ToString().Trim().ToLowerInvariant() is { Length: > 0 } typed ? typed : user;
        var step = form?["Input.Action"].ToString();
        if (step == "send" || (step == "link" && path.Equals("/Account/ForgotPassword", StringComparison.OrdinalIgnoreCase)))
        {
            return new("codes", limits.CodesPerIpPerMinute, limits.CodesPerAccountPerMinute, account);
        }
        if (path.Equals("/Account/Register", StringComparison.OrdinalIgnoreCase))
        {
            return new("register", limits.RegisterPerIpPerMinute, limits.RegisterPerAccountPerMinute, account);
        }
        return LoginPosts.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase))
            ? new("login", limits.LoginPerIpPerMinute, limits.LoginPerAccountPerMinute, account)
            : null;
    }

    private static bool IsAccountPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && AccountPosts.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    // Account forms are a few hundred bytes. Reading one here (ASP.NET Core keeps the parsed form for the page) lets the
    // limit key on the account typed; anything larger or unreadable is limited by address only.
    private static IFormCollection? SmallForm(HttpContext context)
    {
        if (!context.Request.HasFormContentType || context.Request.ContentLength is null or > 16 * 1024)
        {
            return null;
        }
        try
        {
            return context.Request.Form;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var (context, response) = (rejected.HttpContext, rejected.HttpContext.Response);
        // A window shared through Redis tells no time; the window is a minute at most.
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
            ? retryAfter : TimeSpan.FromMinutes(1);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (ApiProblem.IsWanted(context.Request))
        {
            await ApiProblem.WriteAsync(response, StatusCodes.Status429TooManyRequests, UiText.TooManyRequestsTitle, UiText.TooManyRequestsText,
                "https://tools.ietf.org/html/rfc6585#section-4", cancellationToken);
            return;
        }
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>{UiText.TooManyRequestsTitle}</title>" +
            $"<body style=\"font-family:sans-serif;text-align:center;padding:4rem\"><h1>{UiText.TooManyRequestsTitle}</h1>" +
            $"<p>{UiText.TooManyRequestsText}</p><p><a href=\"/\">{UiText.BackToHome}</a></p></body></html>", cancellationToken);
    }
}
