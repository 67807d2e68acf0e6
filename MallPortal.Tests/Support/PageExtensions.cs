using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MallPortal.Tests.Support;

public static class PageExtensions
{
    /// <summary>Blazor prerenders first; a click before the circuit is up is lost. The layout marks the moment.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("#circuit[data-state=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>A page's loaded content in the interactive render (the <c>Ready</c> marker), where its buttons work.</summary>
    public static Task WaitForReadyAsync(this IPage page, string name) =>
        page.Locator($"[data-ready={name}][data-state=interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Waits until the address matches <paramref name="pattern"/> (a regular expression) by polling it. Blazor navigates
    /// inside the page (pushState) after a round trip to the server; <c>WaitForURLAsync</c> listens for the navigation
    /// event and, under load, misses one that lands while it subscribes (seen in CI: the page was on the new address).
    /// </summary>
    public static Task WaitForAddressAsync(this IPage page, string pattern) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex(pattern));

    public static async Task LogInAsync(this IPage page, string login, string password, string returnUrl = "/")
    {
        await page.GotoAsync($"/Account/Login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("手机号或邮箱").FillAsync(login);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }
}
