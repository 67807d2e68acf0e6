using MallPortal.Core.Catalog.Reviews;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Files;
using MallPortal.Core.Orders;
using MallPortal.Tests.Accounts;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace MallPortal.Tests.Orders;

public class ReviewServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_the_buyer_of_a_completed_order_reviews_a_line_and_only_once(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var other = await kit.ConsumerAsync(OrderTestKit.OtherBuyer);
        var sku = await kit.SkuAsync(available: 10);
        var number = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        var lineId = (await kit.OrderAsync(number)).Lines.Single().Id;
        var reviews = kit.Get<ReviewService>();
        const string notAllowed = "只有交易完成的买家才能评价该商品";

        await AssertRefusedAsync(notAllowed, () => reviews.SubmitAsync(buyer, lineId, 5, "还没收到", []));
        await kit.ShipAsync(number);
        await kit.Get<OrderService>().ConfirmReceiptAsync(buyer, number);
        await AssertRefusedAsync(notAllowed, () => reviews.SubmitAsync(other, lineId, 1, "不是我买的", []));
        await AssertRefusedAsync("请选择 1 到 5 星评分", () => reviews.SubmitAsync(buyer, lineId, 6, "六星", []));
        Assert.False(await kit.QueryAsync(c => c.ProductReviews.AnyAsync(r => r.ProductId == sku.ProductId)));

        var id = await reviews.SubmitAsync(buyer, lineId, 5, "  手感很好  ", []);

        await AssertRefusedAsync("该商品已评价过", () => reviews.SubmitAsync(buyer, lineId, 1, "再评一次", []));
        var review = await kit.QueryAsync(c => c.ProductReviews.AsNoTracking().SingleAsync(r => r.ProductId == sku.ProductId));
        Assert.Equal((id, lineId, sku.ProductId, sku.ShopId, buyer.UserId, sku.SpecText, 5, "手感很好", false),
            (review.Id, review.OrderLineId, review.ProductId, review.ShopId, review.BuyerUserId, review.SpecText, review.Rating, review.Text, review.HasPhotos));
        Assert.Equal(kit.Now, (await kit.OrderAsync(number)).Lines.Single().ReviewedAt);
        Assert.True((await kit.Get<OrderQueries>().GetAsync(buyer, OrderScope.Buyer, number))!.Lines.Single().Reviewed);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_product_page_counts_paid_sales_and_rates_the_shop_by_the_reviews_on_all_its_products(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var products = kit.Get<MallPortal.Core.Catalog.ProductQueries>();
        var bought = await kit.SkuAsync(available: 10);
        var soldBefore = (await products.GetForShopperAsync(bought.ProductId))!.SalesCount;
        var number = await kit.CompletedOrderAsync(buyer, address, bought.SkuId);
        var line = (await kit.OrderAsync(number)).Lines.Single();
        var sibling = await kit.SkuAsync(available: 10); // another product of the same shop, never ordered
        Assert.Equal(bought.ShopId, sibling.ShopId);
        var before = (await products.GetForShopperAsync(sibling.ProductId))!.ShopReviews;

        await kit.Get<ReviewService>().SubmitAsync(buyer, line.Id, 3, "一般般", []);

        var page = (await products.GetForShopperAsync(sibling.ProductId))!;
        Assert.Equal((before.Count + 1, before.ByRating.GetValueOrDefault(3) + 1), (page.ShopReviews.Count, page.ShopReviews.ByRating.GetValueOrDefault(3)));
        Assert.Equal(soldBefore + line.Quantity, (await products.GetForShopperAsync(bought.ProductId))!.SalesCount);
        var servicePhone = await kit.QueryAsync(c => c.Shops.Where(s => s.Id == bought.ShopId).Select(s => s.ServicePhone).SingleAsync());
        Assert.Equal(string.IsNullOrWhiteSpace(servicePhone) ? null : servicePhone, page.ShopServicePhone);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Photos_are_stored_as_jpegs_and_more_than_six_are_refused(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = await kit.CompletedOrderAsync(buyer, address, sku.SkuId);
        var lineId = (await kit.OrderAsync(number)).Lines.Single().Id;
        var reviews = kit.Get<ReviewService>();

        var seven = Enumerable.Range(0, 7).Select(_ => ProfileServiceTests.Png(40, 30)).ToList();
        await AssertRefusedAsync("最多上传 6 张图片", () => reviews.SubmitAsync(buyer, lineId, 4, "七张图", seven));
        Assert.False(await kit.QueryAsync(c => c.ProductReviews.AnyAsync(r => r.ProductId == sku.ProductId)));
        Assert.Null((await kit.OrderAsync(number)).Lines.Single().ReviewedAt);

        await reviews.SubmitAsync(buyer, lineId, 4, "有图有真相", [ProfileServiceTests.Png(1200, 900), ProfileServiceTests.Png(300, 200)]);

        var review = await kit.QueryAsync(c => c.ProductReviews.AsNoTracking().SingleAsync(r => r.ProductId == sku.ProductId));
        Assert.True(review.HasPhotos);
        Assert.Equal(2, review.Photos.Count);
        var sizes = new List<(int Width, int Height)>();
        foreach (var path in review.Photos)
        {
            using var stored = await kit.Get<IFileStore>().OpenReadAsync(path);
            Assert.NotNull(stored);
            using var codec = SKCodec.Create(stored);
            Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            sizes.Add((codec.Info.Width, codec.Info.Height));
        }
        Assert.Equal([(800, 600), (300, 200)], sizes);
        Assert.All(review.Photos, p => Assert.StartsWith($"reviews/{sku.ProductId}-", p));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_the_selling_shop_replies_and_only_once(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var lineId = (await kit.OrderAsync(await kit.CompletedOrderAsync(buyer, address, sku.SkuId))).Lines.Single().Id;
        var reviews = kit.Get<ReviewService>();
        var id = await reviews.SubmitAsync(buyer, lineId, 3, "一般", []);
        var (seller, stranger) = (await kit.MerchantAsync(OrderTestKit.ShopA), await kit.MerchantAsync(OrderTestKit.ShopB));

        await AssertRefusedAsync("评价不存在", () => reviews.ReplyAsync(stranger, id, "别家店的回复"));
        await AssertRefusedAsync("您没有执行此操作的权限", () => reviews.ReplyAsync(buyer, id, "买家自己回复"));
        await AssertRefusedAsync("请填写回复内容（不超过 300 个字）", () => reviews.ReplyAsync(seller, id, "   "));
        Assert.Null((await kit.QueryAsync(c => c.ProductReviews.AsNoTracking().SingleAsync(r => r.Id == id))).Reply);

        await reviews.ReplyAsync(seller, id, "感谢支持，我们会改进");

        await AssertRefusedAsync("已回复过该评价", () => reviews.ReplyAsync(seller, id, "第二次回复"));
        var review = await kit.QueryAsync(c => c.ProductReviews.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(("感谢支持，我们会改进", kit.Now), (review.Reply, review.RepliedAt));
        Assert.Single(await PasswordAndContactTests.InboxTitlesAsync(kit.Db, buyer.UserId), t => t == "商家回复了您的评价");
        Assert.DoesNotContain((await kit.Get<ReviewQueries>().ForShopAsync(seller, unrepliedOnly: true, 0, 50)).Items, r => r.Id == id);
        Assert.Contains((await kit.Get<ReviewQueries>().ForShopAsync(seller, unrepliedOnly: false, 0, 50)).Items, r => r.Id == id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_summary_counts_each_rating_and_the_photo_filter_keeps_reviews_with_photos(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var (other, otherAddress) = await kit.BuyerAsync(OrderTestKit.OtherBuyer);
        var sku = await kit.SkuAsync(available: 10);
        var reviews = kit.Get<ReviewService>();
        async Task ReviewAsync(Actor who, int addressId, int rating, bool photo)
        {
            var lineId = (await kit.OrderAsync(await kit.CompletedOrderAsync(who, addressId, sku.SkuId))).Lines.Single().Id;
            kit.Clock.Advance(TimeSpan.FromMinutes(1));
            await reviews.SubmitAsync(who, lineId, rating, $"{rating} 星", photo ? [ProfileServiceTests.Png(50, 50)] : []);
        }
        await ReviewAsync(buyer, address, 5, photo: true);
        await ReviewAsync(buyer, address, 4, photo: false);
        await ReviewAsync(other, otherAddress, 3, photo: false);
        var queries = kit.Get<ReviewQueries>();

        var summary = await queries.SummaryAsync(sku.ProductId);
        var withPhotos = await queries.ForProductAsync(sku.ProductId, withPhotosOnly: true, 0, 20);
        var all = await queries.ForProductAsync(sku.ProductId, withPhotosOnly: false, 0, 20);

        Assert.Equal(new Dictionary<int, int> { [5] = 1, [4] = 1, [3] = 1 }, summary.ByRating);
        Assert.Equal((3, 1, 40, 67), (summary.Count, summary.WithPhotos, summary.AverageTenths, summary.PositivePercent));
        var shown = Assert.Single(withPhotos.Items);
        Assert.Equal((1, 5, 1), (withPhotos.Total, shown.Rating, shown.Photos.Count));
        Assert.Equal([3, 4, 5], all.Items.Select(r => r.Rating));
        Assert.Equal("消**静", all.Items.Single(r => r.Rating == 5).Reviewer);
        Assert.Equal(0, (await queries.SummaryAsync((await kit.SkuAsync(OrderTestKit.ShopB)).ProductId)).Count);
    }

    private static async Task AssertRefusedAsync(string message, Func<Task> act) =>
        Assert.Equal(message, (await Assert.ThrowsAsync<DomainException>(act)).Message);
}
