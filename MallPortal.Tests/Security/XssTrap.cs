using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Security;

/// <summary>
/// One viewer's browser page with the trap set before any of the site's scripts: <c>window.__xss</c>, <c>alert</c>,
/// <c>confirm</c> and <c>prompt</c> record a hit (in every frame, also through the console, so a hit inside an iframe or
/// a data: document is seen), and any dialog that still opens is recorded and dismissed.
/// </summary>
internal sealed class XssTrap
{
    private const string Marker = "__xss_hit:";

    private const string Script = """
        (() => {
            const hit = n => { (window.__xssHits ||= []).push(String(n)); console.log('__xss_hit:' + n); };
            window.__xss = hit;
            for (const name of ['alert', 'confirm', 'prompt']) window[name] = n => hit(name + ' ' + n);
        })();
        """;

    private readonly List<string> _hits;
    private string _current = "";

    private XssTrap(IPage page, List<string> hits) => (Page, _hits) = (page, hits);

    public IPage Page { get; }

    public int PagesOpened { get; private set; }

    public static async Task<XssTrap> OpenAsync(IBrowser browser, string baseUrl, List<string> hits)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-CN" });
        context.SetDefaultTimeout(60_000);
        await context.AddInitScriptAsync(Script);
        var page = await context.NewPageAsync();
        var trap = new XssTrap(page, hits);
        page.Console += (_, message) =>
        {
            if (message.Text.StartsWith(Marker, StringComparison.Ordinal))
            {
                trap.Hit(message.Text[Marker.Length..]);
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            trap.Hit($"dialog {dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        return trap;
    }

    public async Task LogInAsync(string login, string password)
    {
        await Page.LogInAsync(login, password, "/account");
        await Page.WaitForAddressAsync("/account$");
    }

    /// <summary>Opens a page, waits for its interactive render (and its Ready marker, if it has one), then checks it.</summary>
    public async Task VisitAsync(string url, string? ready = null)
    {
        _current = url;
        await Page.GotoAsync(url);
        await (ready is null ? Page.WaitForInteractiveAsync() : Page.WaitForReadyAsync(ready));
        await CheckAsync();
    }

    /// <summary>Clicks a filter (a MudToggleItem or a tab) by its text and checks what it shows once <paramref name="ready"/> is there.</summary>
    public async Task FilterAsync(string text, string ready)
    {
        await Page.GetByText(text, new() { Exact = true }).First.ClickAsync();
        await Page.WaitForReadyAsync(ready);
        await CheckAsync(text);
    }

    /// <summary>Lets images fail and animations start, scrolls and moves the mouse over the page, then collects the hits.</summary>
    public async Task CheckAsync(string? step = null)
    {
        PagesOpened++;
        if (step is not null)
        {
            _current = $"{Page.Url} ({step})";
        }
        try
        {
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // A page that keeps loading (a live chart, a poll) is checked as it is.
        }
        for (var y = 100; y < 900; y += 200)
        {
            await Page.Mouse.MoveAsync(400, y);
        }
        await Page.EvaluateAsync("window.scrollTo(0, document.body.scrollHeight)");
        await Page.WaitForTimeoutAsync(150);
        foreach (var hit in await Page.EvaluateAsync<string[]>("window.__xssHits || []"))
        {
            Hit(hit);
        }
        await Page.EvaluateAsync("window.__xssHits = []");
    }

    /// <summary>Goes through a MudPagination page by page (its last button is "next"), checking each.</summary>
    public async Task PageThroughAsync(int maxPages = 30)
    {
        var next = Page.Locator(".mud-pagination .mud-pagination-item:last-child button").First;
        for (var i = 2; i <= maxPages && await next.CountAsync() > 0 && await next.IsEnabledAsync(); i++)
        {
            await next.ClickAsync();
            await Assertions.Expect(Page.Locator(".mud-pagination .mud-pagination-item-selected").First).ToHaveTextAsync(i.ToString());
            await CheckAsync($"page {i}");
        }
    }

    private void Hit(string what)
    {
        lock (_hits)
        {
            _hits.Add($"{_current}: {what}");
        }
    }
}
