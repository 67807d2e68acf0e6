using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Security;

/// <summary>
/// The pages that show the stored payloads to someone other than the person who typed them, per viewer. A few
/// plain-text fields are also looked for as text: they must be shown (encoded), not dropped.
/// </summary>
internal static class XssPages
{
    public static async Task AsGuestAndBuyerAsync(XssTrap guest, XssStored stored, XssCorpus corpus)
    {
        await guest.VisitAsync("/", "home-categories");
        await guest.VisitAsync($"/search?q={Uri.EscapeDataString(XssCatalogSeeder.Tag)}");
        await guest.PageThroughAsync();
        foreach (var collection in stored.Collections)
        {
            await guest.VisitAsync($"/product/{collection.ProductId}", "buy-box");
            await guest.Page.Locator("[role=tab]").Nth(1).ClickAsync();
            await guest.CheckAsync("attributes");
            await guest.Page.GetByTestId("reviews-tab").ClickAsync();
            await Assertions.Expect(guest.Page.GetByTestId("review").First).ToBeVisibleAsync();
            await guest.CheckAsync("reviews");
        }
        foreach (var shop in stored.ShopIds.Take(6))
        {
            await guest.VisitAsync($"/shop/{shop}");
        }

        // The first buyer reads the shop's reply and its after-sale message about her order.
        var order = stored.Orders[0];
        await guest.LogInAsync(XssPeopleSeeder.Login(order.Buyer), XssPeopleSeeder.Password);
        await guest.VisitAsync($"/account/orders/{order.Number}", "order");
        await guest.VisitAsync($"/account/aftersales/{order.AfterSale}", "aftersale");
        await guest.VisitAsync("/account/inbox");
        await guest.VisitAsync("/account/open-shop", "open-shop");
        await guest.VisitAsync("/account/become-distributor");
    }

    public static async Task AsMerchantAsync(XssTrap merchant, string login, XssStored stored, XssCorpus corpus)
    {
        await merchant.LogInAsync(login, MallPortalFactory.DemoPassword);
        await merchant.VisitAsync("/merchant", "merchant-desk");
        await merchant.VisitAsync("/merchant/orders");
        foreach (var order in stored.Orders)
        {
            await merchant.VisitAsync($"/merchant/orders/{order.Number}", "order");
            if (order.Note is { } note)
            {
                await Assertions.Expect(merchant.Page.GetByText(note).First).ToBeVisibleAsync();
            }
        }
        await merchant.VisitAsync("/merchant/reviews");
        await merchant.PageThroughAsync();
        await merchant.VisitAsync("/merchant/aftersales", "aftersales");
        foreach (var order in stored.Orders.Where(o => o.AfterSale is not null))
        {
            await merchant.VisitAsync($"/merchant/aftersales/{order.AfterSale}", "aftersale");
        }
        await merchant.VisitAsync("/account/inbox");
        await merchant.VisitAsync("/merchant/shipments", "shipments");
    }

    /// <summary>
    /// The admin's lists, and a few of the order, after-sale and distributor pages (they show the same components as
    /// the merchant's pages, which are all opened).
    /// </summary>
    public static async Task AsAdminAsync(XssTrap admin, XssStored stored)
    {
        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword);
        await admin.VisitAsync("/admin", "admin-desk");
        foreach (var (url, ready) in new (string, string?)[]
                 {
                     ("/admin/users", "users"), ("/admin/distributors", null), ("/admin/distributors/tree", "distributor-tree"),
                     ("/admin/orders", null), ("/admin/aftersales", "aftersales"), ("/admin/categories", null), ("/admin/brands", null),
                     ("/admin/announcements", "announcements"), ("/admin/shop-fees", "shop-fees"),
                 })
        {
            await admin.VisitAsync(url, ready);
        }
        foreach (var (url, ready) in new[] { ("/admin/merchant-applications", "applications"), ("/admin/distributor-applications", "distributor-applications") })
        {
            await admin.VisitAsync(url);
            await admin.FilterAsync("已通过", ready);
            await admin.FilterAsync("已驳回", ready);
        }
        foreach (var id in stored.DistributorIds.Take(3))
        {
            await admin.VisitAsync($"/admin/distributors/{id}", "admin-distributor-profile");
        }
        foreach (var order in stored.Orders.Where(o => o.AfterSale is not null).Take(3))
        {
            await admin.VisitAsync($"/admin/orders/{order.Number}");
            await admin.VisitAsync($"/admin/aftersales/{order.AfterSale}", "aftersale");
        }
    }
}
