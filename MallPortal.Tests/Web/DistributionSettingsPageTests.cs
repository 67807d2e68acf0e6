using System.Security.Claims;
using Bunit;
using MallPortal.Areas.Admin.Distribution;
using MallPortal.Core.Accounts;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MallPortal.Tests.Web;

/// <summary>分销设置: the compliance note beside the levels, and the Core's refusal shown beside its field with the input kept.</summary>
public class DistributionSettingsPageTests : BunitContext, IAsyncLifetime
{
    private TestDatabase? _db;

    private DistributionSettingsStore Store => _db!.Services.GetRequiredService<DistributionSettingsStore>();

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Services.AddMudServices();
        Services.AddSingleton(Store);
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized("admin@test.local").SetRoles(Roles.Admin).SetClaims(new Claim(ClaimTypes.NameIdentifier, "1"));
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        // The Ready mark reads the render mode, so the renderer (after every service) is told it is interactive.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _db!.DisposeAsync();
    }

    [Fact]
    public void The_compliance_note_stands_beside_the_levels()
    {
        var page = Render<DistributionSettingsPage>();

        var note = page.WaitForElement("[data-testid=compliance-note]");
        Assert.Contains("超过三级视为传销（《禁止传销条例》）", note.TextContent);
        Assert.Contains("微信平台仅允许两级分销，默认 2 级", note.TextContent);
    }

    [Fact]
    public async Task Four_levels_are_refused_beside_the_field_and_nothing_is_saved()
    {
        var page = Render<DistributionSettingsPage>();

        page.WaitForElement("input[data-testid=max-depth]").Change("4");
        page.Find("input[data-testid=cookie-days]").Change("14");
        await page.Find("button[data-testid=save-settings]").ClickAsync(new());

        Assert.Contains("分销层级须在 1 到 3 级之间", page.Find(".mud-input-control.mud-input-error").TextContent);
        Assert.Equal("14", page.Find("input[data-testid=cookie-days]").GetAttribute("value"));
        var stored = await Store.GetAsync();
        Assert.Equal((2, 30), (stored.MaxDepth, stored.CookieDays));
    }

    [Fact]
    public async Task Valid_settings_are_saved()
    {
        var page = Render<DistributionSettingsPage>();

        page.WaitForElement("input[data-testid=max-depth]").Change("3");
        page.Find("input[data-testid=protection-days]").Change("7");
        await page.Find("button[data-testid=save-settings]").ClickAsync(new());

        var stored = await Store.GetAsync();
        Assert.Equal((3, 7), (stored.MaxDepth, stored.ProtectionDays));
        Assert.Empty(page.FindAll(".mud-input-error"));
    }
}
