using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>
/// The shop, the rich-text editor and the charts work under the Content-Security-Policy (decision 0021) without a single
/// violation, and the policy is in force: an injected inline script or eval does not run on a shop page.
/// </summary>
[Collection("browser")]
public class ContentSecurityPolicyJourneyTests(BrowserFixture browser)
{
    // Every violation of every document the page loads, kept across reloads in the page's console.
    private const string Recorder = """
        document.addEventListener('securitypolicyviolation', e =>
            console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' at ' + location.pathname));
        """;

    [BrowserFact]
    public async Task A_guest_a_merchant_and_a_distributor_use_pages_editor_and_charts_without_a_violation()
    {
        var violations = new List<string>();
        var guest = await PageAsync(violations);
        await guest.GotoAsync("/");
        await guest.WaitForInteractiveAsync();
        await guest.Locator("a[href^='/product/']").First.ClickAsync();
        await guest.WaitForAddressAsync("/product/\\d+");
        await Assertions.Expect(guest.GetByTestId("add-to-cart").First).ToBeVisibleAsync();

        var merchant = await PageAsync(violations);
        await merchant.LogInAsync("13800000001", MallPortalFactory.DemoPassword, "/merchant/products/new");
        await merchant.WaitForReadyAsync("product-editor");
        await merchant.Locator(".rich-editor [contenteditable=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(merchant.Locator(".rich-editor [data-menu-key=bold]")).ToBeVisibleAsync();
        // From a page without charts to one with them inside the circuit: the chart page loads afresh with its own policy.
        await merchant.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "经营分析" }).ClickAsync();
        await merchant.WaitForReadyAsync("sales-dashboard");
        await merchant.Locator("#chart-Category canvas").First.WaitForAsync();

        var distributor = await PageAsync(violations);
        await distributor.LogInAsync("13800000011", MallPortalFactory.DemoPassword, "/distributor");
        await Assertions.Expect(distributor.Locator("#chart-trend canvas").First).ToBeVisibleAsync();

        Assert.Empty(violations);
    }

    [BrowserFact]
    public async Task An_injected_inline_script_or_eval_does_not_run_on_a_shop_page()
    {
        var violations = new List<string>();
        var page = await PageAsync(violations);
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();

        var ran = await page.EvaluateAsync<string>("""
            () => {
                const script = document.createElement('script');
                script.textContent = 'window.__inline = true;';
                document.body.appendChild(script);
                // A string timer compiles like eval, outside this evaluation (which DevTools exempts from the policy).
                setTimeout('window.__eval = true', 0);
                const img = document.createElement('img');
                img.setAttribute('onerror', 'window.__handler = true');
                img.src = 'data:,';
                document.body.appendChild(img);
                return new Promise(resolve => setTimeout(() =>
                    resolve([window.__inline === true, window.__eval === true, window.__handler === true].join()), 300));
            }
            """);

        Assert.Equal("False,False,False", ran, ignoreCase: true);
        Assert.Contains(violations, v => v.Contains("script-src"));
    }

    private async Task<IPage> PageAsync(List<string> violations)
    {
        var page = await browser.NewPageAsync();
        await page.AddInitScriptAsync(Recorder);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("CSP violation") || message.Text.Contains("Content Security Policy"))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };
        return page;
    }
}
