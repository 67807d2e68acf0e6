using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Seeding;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Catalog;

public class CatalogServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Browsing_filters_and_sorts_the_demo_catalogue_in_the_database(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateSeededAsync(provider);
        var catalog = db.Services.GetRequiredService<CatalogQueries>();
        var digital = (await catalog.CategoriesAsync()).Single(c => c.Name == "数码电器");

        var all = await catalog.BrowseAsync(new BrowseQuery(PageSize: 100));
        var cheapFirst = await catalog.BrowseAsync(new BrowseQuery(CategoryId: digital.Id, Sort: ProductSort.PriceAscending, PageSize: 100));
        var window = await catalog.BrowseAsync(new BrowseQuery(MinPrice: new Money(10000), MaxPrice: new Money(30000), PageSize: 100));
        var tagged = await catalog.BrowseAsync(new BrowseQuery(Tags: ["降噪"], PageSize: 100));
        var searched = await catalog.BrowseAsync(new BrowseQuery(Search: "龙井"));

        Assert.Equal(44, all.Total);
        Assert.Equal(22, cheapFirst.Total);
        Assert.Equal(cheapFirst.Items.Select(p => p.Price.Fen).Order(), cheapFirst.Items.Select(p => p.Price.Fen));
        Assert.All(window.Items, p => Assert.InRange(p.Price.Fen, 10000, 30000));
        Assert.NotEmpty(window.Items);
        Assert.Equal(["声海 Buds 降噪真无线耳机", "声海 Studio 头戴式耳机"], tagged.Items.Select(p => p.Title).Order());
        Assert.Equal("山野 明前西湖龙井 250g", Assert.Single(searched.Items).Title);
        Assert.Equal("8.2折", searched.Items[0].DiscountText); // 328 of 398
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Filter_chips_offer_only_the_brands_and_tags_found_in_the_list(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateSeededAsync(provider);
        var catalog = db.Services.GetRequiredService<CatalogQueries>();
        var tea = (await catalog.CategoriesAsync()).Single(c => c.Name == "食品茶饮");

        var facets = await catalog.FacetsAsync(new BrowseQuery(CategoryId: tea.Id));

        Assert.Equal(["山野茶事"], facets.Brands.Select(b => b.Name));
        Assert.Contains("红茶", facets.Tags);
        Assert.DoesNotContain("降噪", facets.Tags);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_merchant_cannot_read_or_change_another_shops_products(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateSeededAsync(provider);
        var (shopA, shopB) = (await MerchantAsync(db, "13800000001"), await MerchantAsync(db, "13800000002"));
        var products = db.Services.GetRequiredService<ProductQueries>();
        var service = db.Services.GetRequiredService<ProductService>();
        var ofA = (await products.ListForMerchantAsync(shopA, null, null, 0, 100)).Items;
        var input = await products.GetForEditAsync(shopA, ofA[0].Id);

        Assert.Equal(22, ofA.Count);
        Assert.Null(await products.GetForEditAsync(shopB, ofA[0].Id));
        await Assert.ThrowsAsync<DomainException>(() => service.UpdateAsync(shopB, ofA[0].Id, input! with { Title = "被篡改" }));
        await Assert.ThrowsAsync<DomainException>(() => service.SetOnSaleAsync(shopB, [ofA[0].Id], false));
        var consumer = new Actor(shopA.UserId, new HashSet<string> { Roles.Consumer });
        await Assert.ThrowsAsync<DomainException>(() => products.ListForMerchantAsync(consumer, null, null, 0, 10));
        Assert.NotEqual("被篡改", (await products.GetForEditAsync(shopA, ofA[0].Id))!.Title);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_product_with_a_missing_category_or_a_code_another_product_uses_is_refused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateSeededAsync(provider);
        var shopA = await MerchantAsync(db, "13800000001");
        var products = db.Services.GetRequiredService<ProductQueries>();
        var service = db.Services.GetRequiredService<ProductService>();
        var ofA = (await products.ListForMerchantAsync(shopA, null, null, 0, 100)).Items;
        var copy = (await products.GetForEditAsync(shopA, ofA[0].Id))!;

        var missingCategory = await Assert.ThrowsAsync<DomainException>(() => service.CreateAsync(shopA, copy with { CategoryId = 9999 }));
        var takenCode = await Assert.ThrowsAsync<DomainException>(() => service.CreateAsync(shopA, copy));

        Assert.Equal(("CategoryId", "Skus"), (missingCategory.Field, takenCode.Field));
        Assert.Equal(22, (await products.ListForMerchantAsync(shopA, null, null, 0, 100)).Total);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Approving_an_application_opens_the_shop_and_makes_the_applicant_a_merchant(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateSeededAsync(provider);
        var applicant = await db.InScopeAsync(s => s.GetRequiredService<AccountService>().FindForLoginAsync("13800000021"));
        var actor = new Actor(applicant!.Id, new HashSet<string> { Roles.Consumer });
        var admin = new Actor(1, new HashSet<string> { Roles.Admin });
        var input = new MerchantApplicationInput("潮玩星球", "王磊", "13800000021", "91350100M000100Y43");

        var id = await db.InScopeAsync(s => s.GetRequiredService<MerchantApplicationService>().SubmitAsync(actor, input, Accounts.ProfileServiceTests.Png(300, 200)));
        var again = await Assert.ThrowsAsync<DomainException>(() => db.InScopeAsync(s =>
            s.GetRequiredService<MerchantApplicationService>().SubmitAsync(actor, input, Accounts.ProfileServiceTests.Png(300, 200))));
        await Assert.ThrowsAsync<DomainException>(() => db.InScopeAsync(s => s.GetRequiredService<MerchantApplicationService>().ApproveAsync(actor, id)));
        await db.InScopeAsync(s => s.GetRequiredService<MerchantApplicationService>().ApproveAsync(admin, id));

        Assert.Equal("您已有店铺或待审核的开店申请", again.Message);
        await using var context = await db.ContextAsync();
        Assert.True(await context.Shops.AnyAsync(s => s.OwnerUserId == applicant.Id && s.Name == "潮玩星球"));
        Assert.True(await (from ur in context.UserRoles join r in context.Roles on ur.RoleId equals r.Id
                           where ur.UserId == applicant.Id && r.Name == Roles.Merchant select ur).AnyAsync());
    }


    private static async Task<Actor> MerchantAsync(TestDatabase db, string phone)
    {
        var user = await db.InScopeAsync(s => s.GetRequiredService<AccountService>().FindForLoginAsync(phone));
        return new Actor(user!.Id, new HashSet<string> { Roles.Merchant, Roles.Consumer });
    }
}
