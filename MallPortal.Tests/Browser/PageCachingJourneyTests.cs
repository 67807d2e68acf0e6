using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

[Collection("browser")]
public class PageCachingJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task A_guest_page_served_from_the_output_cache_still_starts_its_circuit()
    {
        var address = "/?cached=" + Guid.NewGuid().ToString("N");
        var first = await browser.NewPageAsync();
        await first.GotoAsync(address);
        await first.WaitForInteractiveAsync();

        var guest = await browser.NewPageAsync();
        var response = await guest.GotoAsync(address);

        Assert.NotNull(response);
        Assert.True(response.Headers.ContainsKey("age"), "the second guest's copy should come from the cache");
        await guest.WaitForInteractiveAsync();
        await guest.GetByTestId("search-box").FillAsync("手机");
        await guest.GetByTestId("search-box").PressAsync("Enter");
        await guest.WaitForAddressAsync("/search\\?q=");
        await Assertions.Expect(guest.Locator("h1")).ToContainTextAsync("手机");
    }
}
