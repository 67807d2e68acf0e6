using System.Globalization;
using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using MallPortal.Components.Account;
using MallPortal.Core;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Features.Live;
using MallPortal.Features.Localization;
using MallPortal.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace MallPortal.Hosting;

public static class WebRegistration
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static WebApplicationBuilder AddMallPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        if (PaymentTransport.Problem(config, builder.Environment.IsDevelopment()) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        var dataFolder = DatabaseSettings.DataFolder(config, builder.Environment);
        var (provider, connectionString) = DatabaseSettings.Resolve(config, dataFolder);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddPageCaching(config);
        // Chinese text goes out as UTF-8, not as &#x...; entities (half the page size, readable source).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Messages at the bottom, where they cover no page actions.
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter);
        services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        services.AddMallDatabase(provider, connectionString);
        services.AddMallCore(config, dataFolder);
        var scaleOut = ScaleOutSettings.Read(config, provider);
        services.AddMallScaleOut(scaleOut, dataFolder);
        services.AddMallJobs(config, scaleOut.ClusteredJobs ? connectionString : null);
        services.AddMallRateLimits(config);
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<SecurityHeaders>();
        // No "Server: Kestrel" banner.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        // Behind nginx (or another proxy on this machine) the client's address, scheme and host come from the
        // X-Forwarded-* headers; only loopback proxies are trusted, so a visitor cannot claim another address.
        // A forwarded host must be one AllowedHosts names (host filtering runs before this, on the proxy's Host only).
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.AllowedHosts = PublicAddress.NamedHosts(config).Select(h => h.Value!).ToList();
        });

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<MallPortal.Features.Orders.CartSession>();
        services.AddScoped<MallPortal.Features.Orders.CheckoutFlow>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "MallPortal.Auth";
            o.Events.OnSignedIn = MallPortal.Features.Distribution.ReferralSignIn.OnSignedInAsync;
            // A JSON client gets 401/403 as a problem, not a redirect to a page it cannot use.
            o.Events.OnRedirectToLogin = c => JsonOrRedirectAsync(c, StatusCodes.Status401Unauthorized, UiText.ApiSignInRequired);
            o.Events.OnRedirectToAccessDenied = c => JsonOrRedirectAsync(c, StatusCodes.Status403Forbidden, UiText.ApiAccessDenied);
        });
        services.AddHostedService<MallPortal.Features.Distribution.ClickFlusher>();
        services.AddAuthorization();
        // How soon a password change or a new contact signs the user out on other devices.
        var sessionCheck = TimeSpan.FromSeconds(config.GetValue("Accounts:SessionCheckSeconds", 60));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = sessionCheck);

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // The language switch's cookie decides; the browser's Accept-Language does not,
            // so a Chinese shop stays Chinese unless the visitor asks otherwise.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddHealthChecks().AddDbContextCheck<MallDbContext>(provider == DatabaseProvider.Postgres ? "postgresql" : "sqlite");
        return builder;
    }

    private static Task JsonOrRedirectAsync(RedirectContext<CookieAuthenticationOptions> context, int status, string title)
    {
        if (!ApiProblem.IsWanted(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        return ApiProblem.WriteAsync(context.Response, status, title);
    }
}
