using Microsoft.Playwright;

namespace MallPortal.Tests.Support;

public static class PageExtensions
{
    /// <summary>Blazor prerenders first; a click before the circuit is up is lost. The layout marks the moment.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("#circuit[data-state=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static async Task LogInAsync(this IPage page, string login, string password, string returnUrl = "/")
    {
        await page.GotoAsync($"/Account/Login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("手机号或邮箱").FillAsync(login);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }
}
