using MallPortal.Core.Catalog;
using MallPortal.Core.Common;

namespace MallPortal.Tests.Catalog;

public class ProductTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);

    private static ProductInput Shirt(Func<ProductInput, ProductInput>? change = null)
    {
        var input = new ProductInput(
            "纯棉短袖T恤", "透气亲肤", CategoryId: 7, BrandId: null, "<p><strong>纯棉</strong></p>",
            [new SpecDefinition("颜色", ["白", "黑"]), new SpecDefinition("尺码", ["M", "L"])],
            [
                new("TS-W-M", new Money(9900), new Money(7900), new Money(3000), 200, 50),
                new("TS-W-L", new Money(9900), null, null, 210, 40),
                new("TS-B-M", new Money(10900), new Money(8900), null, 200, 30),
                new("TS-B-L", new Money(10900), null, null, 210, 0),
            ],
            ["products/a.jpg", "products/b.jpg"], [new AttributeInput("材质", "纯棉")], ["夏季", "百搭", "夏季"], []);
        return change is null ? input : change(input);
    }

    [Fact]
    public void A_product_gets_one_sku_per_spec_combination_and_its_lowest_selling_price()
    {
        var product = Product.Create(1, Shirt(), "<p><strong>纯棉</strong></p>", Now);

        Assert.Equal(["颜色:白;尺码:M", "颜色:白;尺码:L", "颜色:黑;尺码:M", "颜色:黑;尺码:L"], product.Skus.Select(s => s.SpecText));
        Assert.Equal((new Money(7900), new Money(9900)), (product.MinPrice, product.MinPriceOriginal));
        Assert.Equal(["夏季", "百搭"], product.Tags.Select(t => t.Name));
        Assert.Equal("products/a.jpg", product.Images.Single(i => i.SortOrder == 0).Path);
        Assert.Equal(ProductStatus.Draft, product.Status);
    }

    [Theory]
    [InlineData("images")]
    [InlineData("duplicate-code")]
    [InlineData("promo-above")]
    [InlineData("missing-sku")]
    public void A_bad_product_is_refused_and_the_existing_one_is_unchanged(string fault)
    {
        var product = Product.Create(1, Shirt(), "", Now);
        var bad = Shirt(i => fault switch
        {
            "images" => i with { ImagePaths = [] },
            "duplicate-code" => i with { Skus = [.. i.Skus.Take(3), i.Skus[0]] },
            "promo-above" => i with { Skus = [i.Skus[0] with { PromotionPrice = new Money(12000) }, .. i.Skus.Skip(1)] },
            _ => i with { Skus = i.Skus.Take(3).ToList() },
        } with { Title = "改过的标题" });

        Assert.Throws<DomainException>(() => product.Apply(bad, "", Now));

        Assert.Equal("纯棉短袖T恤", product.Title);
        Assert.Equal(4, product.Skus.Count);
    }

    [Fact]
    public void Review_puts_a_new_product_in_the_queue_and_approval_puts_it_on_sale()
    {
        var product = Product.Create(1, Shirt(), "", Now);

        product.Publish(reviewRequired: true);
        Assert.Equal(ProductStatus.PendingReview, product.Status);
        product.ApproveReview();
        Assert.Equal(ProductStatus.OnSale, product.Status);
        product.TakeOffShelf();
        product.Publish(reviewRequired: true);
        Assert.Equal(ProductStatus.OnSale, product.Status); // a reviewed product goes back on sale directly
        Assert.Throws<DomainException>(product.ApproveReview);
    }

    [Fact]
    public void Merchant_applications_need_a_valid_credit_code_and_are_reviewed_once()
    {
        var bad = Assert.Throws<DomainException>(() => MerchantApplication.Submit(5,
            new MerchantApplicationInput("潮玩星球", "王磊", "13800138000", "91350100M000100Y44"), "licences/x.jpg", Now));
        var application = MerchantApplication.Submit(5,
            new MerchantApplicationInput("潮玩星球", "王磊", "+86 138 0013 8000", "91350100m000100y43"), "licences/x.jpg", Now);

        Assert.Equal("CreditCode", bad.Field);
        Assert.Equal(("13800138000", "91350100M000100Y43"), (application.ContactPhone, application.CreditCode));
        Assert.Equal("Reason", Assert.Throws<DomainException>(() => application.Reject(1, " ", Now)).Field);
        application.Approve(1, Now);
        Assert.Throws<DomainException>(() => application.Reject(1, "资料不全", Now));
    }
}
