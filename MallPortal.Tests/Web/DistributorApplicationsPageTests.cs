using System.Security.Claims;
using Bunit;
using MallPortal.Areas.Admin.Distribution;
using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MallPortal.Tests.Web;

/// <summary>分销员申请: the reviewer sees the whole ID number; 驳回 without a reason is refused beside the field.</summary>
public class DistributorApplicationsPageTests : BunitContext, IAsyncLifetime
{
    private TestDatabase? _db;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateSeededAsync(DatabaseProvider.Sqlite);
        Services.AddMudServices();
        Services.AddSingleton(_db.Services.GetRequiredService<NetworkQueries>());
        Services.AddSingleton(_db.Services.GetRequiredService<DistributorApplicationService>());
        Services.AddSingleton(_db.Services.GetRequiredService<BusinessTimeZone>());
        JSInterop.Mode = JSRuntimeMode.Loose;
        await using var context = await _db.ContextAsync();
        var admin = await context.Users.Where(u => u.Email == "admin@test.local").Select(u => u.Id).SingleAsync();
        AddAuthorization().SetAuthorized("admin@test.local").SetRoles(Roles.Admin).SetClaims(new Claim(ClaimTypes.NameIdentifier, admin.ToString()));
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _db!.DisposeAsync();
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_then_leaves_the_queue()
    {
        var id = await SubmitAsync();
        var page = Render<DistributorApplicationsPage>();

        page.WaitForElement("[data-testid=distributor-application]");
        Assert.Contains("110105199003071239", page.Find("[data-testid=id-number]").TextContent);
        var reject = page.FindAll("[data-testid=distributor-application] button").Single(b => b.TextContent.Trim() == "驳回");
        await reject.ClickAsync(new());

        Assert.Contains("请填写拒绝原因", page.Find(".mud-input-control.mud-input-error").TextContent);
        page.Find("input[data-testid=reject-reason]").Change("资料不全");
        await page.FindAll("[data-testid=distributor-application] button").Single(b => b.TextContent.Trim() == "驳回").ClickAsync(new());

        page.WaitForElement("[data-testid=empty-state]");
        await using var db = await _db!.ContextAsync();
        var stored = await db.DistributorApplications.SingleAsync(a => a.Id == id);
        Assert.Equal((ApplicationStatus.Rejected, "资料不全"), (stored.Status, stored.RejectReason));
    }

    private async Task<int> SubmitAsync()
    {
        await using var db = await _db!.ContextAsync();
        var consumer = await db.Users.Where(u => u.PhoneNumber == "13800000021").Select(u => u.Id).SingleAsync();
        var input = new DistributorApplicationInput(ApplicantKind.Individual, "陈静", "110105199003071239", null, null, "13800000021", "北京市 海淀区",
            "想分享好物", null);
        return await _db.Services.GetRequiredService<DistributorApplicationService>().SubmitAsync(new Actor(consumer, new HashSet<string> { Roles.Consumer }), input, []);
    }
}
