using System.Net;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Shipping;
using MallPortal.Core.Orders.Shipping.Kuaidi100;
using MallPortal.Tests.Orders.Shipping;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Web;

/// <summary>Kuaidi100's push as it arrives over HTTP: a form with param and sign, answered with its success JSON or refused.</summary>
public class LogisticsEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_signed_push_is_acknowledged_with_kuaidi100s_json_and_a_forged_one_is_refused()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var parcel = await db.Shipments.AsNoTracking().Where(s => s.Status != ShipmentStatus.Signed && s.Tracking == TrackingMode.Subscribed).OrderBy(s => s.Id).FirstAsync();
        var param = LogisticsPushTests.Push(parcel.TrackingNumber, "0", LogisticsPushTests.Scan(DateTime.UtcNow.AddMinutes(-30), "快件已到达【测试转运中心】", "0"));
        using var kuaidi100 = app.Factory.CreateBrowserlessClient();

        var forged = await kuaidi100.PostAsync($"/logistics/kuaidi100/{parcel.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["param"] = param, ["sign"] = Kuaidi100Protocol.Sign(param, "guess") }));
        var signed = await kuaidi100.PostAsync($"/logistics/kuaidi100/{parcel.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["param"] = param, ["sign"] = Kuaidi100Protocol.Sign(param, parcel.Salt) }));
        var repeat = await kuaidi100.PostAsync($"/logistics/kuaidi100/{parcel.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["param"] = param, ["sign"] = Kuaidi100Protocol.Sign(param, parcel.Salt) }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("""{"result":false,"returnCode":"500","message":"签名错误或运单不符"}""", await forged.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.OK, """{"result":true,"returnCode":"200","message":"成功"}"""), (signed.StatusCode, await signed.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Single(await db.ShipmentTraceEvents.AsNoTracking().Where(e => e.ShipmentId == parcel.Id && e.Context == "快件已到达【测试转运中心】").ToListAsync());
    }
}
