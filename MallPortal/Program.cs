using MallPortal.Features.Analytics;
using MallPortal.Components;
using MallPortal.Components.Account;
using MallPortal.Features.Distribution;
using MallPortal.Features.Orders;
using MallPortal.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddMallPortal();

var app = builder.Build();
if (IntegrityCommand.IsRequested(args))
{
    Environment.ExitCode = await IntegrityCommand.RunAsync(app.Services);
    return;
}

if (app.Configuration.GetValue("Web:ForwardedHeaders", true))
{
    app.UseForwardedHeaders();
}
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
if (app.Configuration.GetValue("Web:UseHttpsRedirection", false))
{
    app.UseHttpsRedirection();
}
// Cookies only for the server (no script reads one), SameSite=Lax at least, Secure when the request came over HTTPS.
app.UseCookiePolicy(new CookiePolicyOptions
{
    HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always,
    MinimumSameSitePolicy = SameSiteMode.Lax,
    Secure = CookieSecurePolicy.SameAsRequest,
});
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UsePageCaching();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
app.MapCultureSwitch();
app.MapMallHealthChecks();
app.MapPublicFiles();
app.MapOrderEndpoints();
app.MapAlipaySimulator();
app.MapWeChatPaySimulator();
app.MapUnionPaySimulator();
app.MapWeChatSignIn();
app.MapStripeSimulator();
app.MapDistributionEndpoints();
app.MapFundsEndpoints();
app.MapAnalyticsEndpoints();

await app.PrepareAsync();
await app.RunAsync();

public partial class Program;
