using System.Diagnostics;
using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MallPortal.Tests.Security;

/// <summary>
/// Issue 16 item 4: every payload of xss-payloads.txt is stored through every field a person types that someone else
/// sees, then every page showing them is opened in Chromium with a trap; nothing may run. The app runs without its
/// Content-Security-Policy (<c>Web:Csp</c> false), so this proves the encoding and the sanitizing themselves.
/// </summary>
[Collection("browser")]
public sealed class XssCorpusTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private const string MerchantA = "13800000001";

    private readonly MallPortalFactory _factory = new(new Dictionary<string, string>
    {
        ["Web:Csp"] = "false",
        ["RateLimits:AccountPostsPerMinute"] = "1000",
        ["Accounts:Codes:MaxPerClientIpPerHour"] = "1000",
    });

    private readonly XssCorpus _corpus = XssCorpus.Load();
    private string _baseUrl = "";

    public Task InitializeAsync()
    {
        if (TestEnvironment.HasChromium || TestEnvironment.IsCi)
        {
            _baseUrl = _factory.StartKestrel();
        }
        return Task.CompletedTask;
    }

    [BrowserFact]
    public async Task No_stored_payload_runs_on_any_page_that_shows_it()
    {
        var clock = Stopwatch.StartNew();
        var stored = await XssScenario.StoreAsync(_factory.Services, _corpus, output.WriteLine);
        output.WriteLine($"Stored in {clock.Elapsed.TotalSeconds:F0} s.");

        var hits = new List<string>();
        var viewers = await Task.WhenAll(
            XssTrap.OpenAsync(browser.Browser, _baseUrl, hits), XssTrap.OpenAsync(browser.Browser, _baseUrl, hits),
            XssTrap.OpenAsync(browser.Browser, _baseUrl, hits));
        var (guest, merchant, admin) = (viewers[0], viewers[1], viewers[2]);
        clock.Restart();
        await Task.WhenAll(
            XssPages.AsGuestAndBuyerAsync(guest, stored, _corpus),
            XssPages.AsMerchantAsync(merchant, MerchantA, stored, _corpus),
            XssPages.AsAdminAsync(admin, stored));

        var pages = viewers.Sum(v => v.PagesOpened);
        output.WriteLine($"Browsed in {clock.Elapsed.TotalSeconds:F0} s.");
        output.WriteLine($"Payloads: {_corpus.Payloads.Count}; fields: {_corpus.Stored.Count}; field × payload pairs stored: {_corpus.PairCount}; pages checked: {pages}.");
        foreach (var (field, numbers) in _corpus.Stored.OrderBy(f => f.Key))
        {
            output.WriteLine($"  {field}: {numbers.Count} payloads");
        }
        Assert.True(_corpus.Payloads.Count >= 200 && _corpus.Payloads.Distinct().Count() == _corpus.Payloads.Count);
        Assert.Empty(hits);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }
}
