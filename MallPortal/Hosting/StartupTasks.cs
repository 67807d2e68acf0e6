using MallPortal.Core.Accounts;
using MallPortal.Core.Data;
using MallPortal.Core.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace MallPortal.Hosting;

/// <summary>What runs before the first request: migrate, roles and first admin, demo data; then the banner.</summary>
public static class StartupTasks
{
    public static async Task PrepareAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var generatedAdminPassword = await services.GetRequiredService<IdentityBootstrapper>().EnsureAdminAsync();

        var seeder = services.GetRequiredService<DemoDataSeeder>();
        if (app.Configuration.GetValue("Demo:SeedOnFirstRun", true))
        {
            await seeder.SeedAsync();
        }
        var demoSeeded = await seeder.HasRunAsync("accounts");
        var admin = services.GetRequiredService<IOptions<AdminOptions>>().Value;

        app.Lifetime.ApplicationStarted.Register(() =>
            PrintBanner(app, admin.Login, generatedAdminPassword, demoSeeded));
    }

    private static void PrintBanner(WebApplication app, string adminLogin, string? generatedPassword, bool demoSeeded)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string> { "", "==== MallPortal 已启动 ====" };
        lines.AddRange(addresses.Select(a => $"  商城地址: {a}"));
        lines.Add(generatedPassword is null
            ? $"  平台管理员: {adminLogin}（密码见首次启动时的输出或 Admin:Password 配置）"
            : $"  平台管理员: {adminLogin}  初始密码: {generatedPassword}  （只显示这一次，请登录后妥善保存）");
        if (demoSeeded)
        {
            lines.Add($"  演示账号（密码均为 {AccountsDemoSeeder.DemoPassword}）:");
            lines.AddRange(AccountsDemoSeeder.Logins.Select(d => $"    {d.Login,-32} {d.Nickname}"));
        }
        if (!app.Environment.IsDevelopment() && app.Services.GetRequiredService<PublicAddress>().FallsBackToListeningAddress)
        {
            lines.Add("  注意: 未设置 Web:PublicBaseUrl 或 AllowedHosts，邮件、短信和支付回调中的链接将指向上面的监听地址。");
            lines.Add("  Note: set Web:PublicBaseUrl (or name the site's hosts in AllowedHosts); until then mailed links and payment");
            lines.Add("  callbacks point at the listening address above, never at the Host a request claims.");
        }
        lines.Add("==========================");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
