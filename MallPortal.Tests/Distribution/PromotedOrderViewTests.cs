using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Tests.Distribution.Commissions;
using MallPortal.Tests.Support;

namespace MallPortal.Tests.Distribution;

public class PromotedOrderViewTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task The_promoting_distributor_follows_the_parcel_with_the_recipient_masked_and_nobody_else_in_the_network_sees_it(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var buyer = await CommissionLifecycleTests.BoundBuyerAsync(kit);
        var number = await kit.BuyAsync(buyer);
        await kit.Orders.ShipAsync(number);
        var queries = kit.Get<OrderQueries>();

        var seen = await queries.GetAsync(await kit.DistributorAsync(DistributionTestKit.Li), OrderScope.Promoter, number);

        Assert.NotNull(seen);
        Assert.Equal(("陈*", "138****0021", "广东省深圳市南山区****", ""), (seen.RecipientName, seen.RecipientMobile, seen.ShippingAddress, seen.Note));
        Assert.Equal("SF1234567890123", Assert.Single(seen.Shipments).TrackingNumber);
        Assert.Null(await queries.GetAsync(await kit.DistributorAsync(DistributionTestKit.Wang), OrderScope.Promoter, number));
        Assert.Null(await queries.GetAsync(await kit.DistributorAsync(DistributionTestKit.Zhao), OrderScope.Promoter, number));
    }
}
