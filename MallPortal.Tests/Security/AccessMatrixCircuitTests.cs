using System.Text.RegularExpressions;
using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Security;

/// <summary>
/// The access matrix in the circuit: owner B opens its own resource, then owner A's by Blazor navigation (no new request, the
/// same circuit and often the same page component). The page must show "not found" and nothing of A's.
/// </summary>
[Collection("browser")]
public class AccessMatrixCircuitTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task A_buyer_who_navigates_to_another_buyers_order_and_case_sees_them_not_found()
    {
        var a = await AccessMatrixResources.FindAsync(browser.Factory.Services, withStocktakes: false);
        var page = await SignInAsync(Party.ConsumerB, $"/account/orders/{a.OrderB}", "order");

        await NavigateAsync(page, $"/account/orders/{a.OrderA}");
        await ExpectNotFoundAsync(page, "订单不存在", a.BuyerSecrets);
        await NavigateAsync(page, $"/account/orders/{a.OrderB}");
        await Assertions.Expect(page.GetByText(a.OrderB)).ToBeVisibleAsync(); // the same page loads B's own again

        await NavigateAsync(page, "/account/aftersales");
        await NavigateAsync(page, $"/account/aftersales/{a.AfterSaleA}");
        await ExpectNotFoundAsync(page, "售后单不存在", [AccessMatrixResources.AfterSaleStory, a.RecipientA]);
    }

    [BrowserFact]
    public async Task A_merchant_who_navigates_to_another_shops_order_and_case_sees_them_not_found()
    {
        var a = await AccessMatrixResources.FindAsync(browser.Factory.Services, withStocktakes: false);
        var page = await SignInAsync(Party.MerchantB, $"/merchant/orders/{a.ShopOrderB}", "order");

        await NavigateAsync(page, $"/merchant/orders/{a.OrderA}");
        await ExpectNotFoundAsync(page, "订单不存在", a.BuyerSecrets);
        await NavigateAsync(page, $"/merchant/orders/{a.ShopOrderB}");
        await Assertions.Expect(page.GetByText(a.ShopOrderB)).ToBeVisibleAsync();

        await NavigateAsync(page, "/merchant/aftersales");
        await NavigateAsync(page, $"/merchant/aftersales/{a.AfterSaleA}");
        await ExpectNotFoundAsync(page, "售后单不存在", [AccessMatrixResources.AfterSaleStory, a.RecipientA]);
    }

    [BrowserFact]
    public async Task A_distributor_who_navigates_to_an_order_another_distributor_brought_sees_it_not_found()
    {
        var a = await AccessMatrixResources.FindAsync(browser.Factory.Services, withStocktakes: false);
        var page = await SignInAsync(Party.DistributorB, $"/distributor/orders/{a.PromotedOrderB}", "order");

        await NavigateAsync(page, $"/distributor/orders/{a.PromotedOrderA}");

        await ExpectNotFoundAsync(page, "订单不存在", [a.PromotedTitleA]);
    }

    /// <summary>
    /// Every page row of the matrix that owner B must see as "not found" (pay, payment result, review, product edit ...),
    /// walked in one circuit: owner A's address, then one naming nothing; neither shows A's data, both say "not found".
    /// </summary>
    [BrowserFact]
    public async Task Each_party_B_walks_every_page_of_owner_A_in_its_circuit_and_sees_none_of_it()
    {
        var a = await AccessMatrixResources.FindAsync(browser.Factory.Services, withStocktakes: false);
        var failures = new List<string>();
        var walked = 0;
        foreach (var (party, home, ready) in new[]
                 {
                     (Party.ConsumerB, $"/account/orders/{a.OrderB}", "order"), (Party.MerchantB, $"/merchant/orders/{a.ShopOrderB}", "order"),
                     (Party.DistributorB, $"/distributor/orders/{a.PromotedOrderB}", "order"),
                 })
        {
            var page = await SignInAsync(party, home, ready);
            // No stocktake is opened in the shared shop here (the HTTP matrix checks that row on its own copy of the demo).
            foreach (var row in AccessMatrixTable.Rows.Where(r => r is { Method: AccessMatrixRoutes.Page, Api: false, IsResource: true }
                         && AccessMatrixExpectations.Expected(r, party) == Outcome.NotFound && !r.Pattern.StartsWith("/merchant/stocktakes/")))
            {
                foreach (var address in new[] { row.Address(a), row.Missing!(a) })
                {
                    walked++;
                    if (await SeenAsync(page, address, row.NotFoundText, row.Secrets(a)) is { } failure)
                    {
                        failures.Add($"{party} {address}: {failure}");
                    }
                }
            }
        }

        Assert.True(walked >= 20, $"only {walked} addresses walked");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<string?> SeenAsync(IPage page, string address, string? notFound, string[] secrets)
    {
        await page.WaitForInteractiveAsync();
        await page.EvaluateAsync("address => Blazor.navigateTo(address)", address);
        try
        {
            if (notFound is not null)
            {
                await Assertions.Expect(page.GetByText(notFound).First).ToBeVisibleAsync();
            }
            else
            {
                // The page decides by itself (a redirect, an empty state): give it the time a person would.
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await page.WaitForTimeoutAsync(1000);
            }
        }
        catch (PlaywrightException)
        {
            return $"\"{notFound}\" not shown";
        }
        var body = await page.Locator("body").InnerTextAsync();
        var leaked = secrets.Where(body.Contains).ToList();
        return leaked.Count == 0 ? null : "shows " + string.Join(", ", leaked);
    }

    private async Task<IPage> SignInAsync(Party party, string ownPage, string ready)
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(AccessMatrixFixture.Logins[party], MallPortalFactory.DemoPassword, ownPage);
        await page.WaitForAddressAsync(Regex.Escape(ownPage) + "$");
        await page.WaitForReadyAsync(ready);
        return page;
    }

    // Blazor's own navigation, as a link inside the app would do it: the circuit stays, no request reaches the server.
    private static async Task NavigateAsync(IPage page, string address)
    {
        await page.WaitForInteractiveAsync();
        await page.EvaluateAsync("address => Blazor.navigateTo(address)", address);
        await page.WaitForAddressAsync(Regex.Escape(address) + "$");
    }

    private static async Task ExpectNotFoundAsync(IPage page, string notFound, IEnumerable<string> secrets)
    {
        await Assertions.Expect(page.GetByText(notFound)).ToBeVisibleAsync();
        foreach (var secret in secrets)
        {
            await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(secret);
        }
    }
}
