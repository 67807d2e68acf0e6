using MallPortal.Core.Notifications.Sms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MallPortal.Tests.Support;

/// <summary>
/// The app on Kestrel plus Debian's Chromium driven by Playwright (never a downloaded browser).
/// Shared by the browser journeys, which run one at a time in the "browser" collection.
/// </summary>
public sealed class BrowserFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private IPlaywright? _playwright;

    // A short resend cooldown lets one journey log in by SMS twice within a minute; all journeys share one
    // client address, so the per-IP limit on account posts is raised (its own test checks the limit).
    public MallPortalFactory Factory { get; } = new(new Dictionary<string, string>
    {
        ["Accounts:Codes:ResendCooldown"] = "00:00:01",
        ["Accounts:Codes:MaxPerClientIpPerHour"] = "1000",
        ["RateLimits:AccountPostsPerMinute"] = "1000",
        // A role granted by an approval reaches the person's cookie at the next check, without signing them out.
        ["Accounts:SessionCheckSeconds"] = "2",
    });

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!TestEnvironment.HasChromium && !TestEnvironment.IsCi)
        {
            return; // the journeys skip themselves (BrowserFact)
        }
        BaseUrl = Factory.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser context (its own cookies) in Chinese, as a new visitor; <paramref name="phone"/>: a 390 × 844 touch screen with a phone's user agent.</summary>
    /// <summary>WeChat's own browser on an iPhone, as its user agent says.</summary>
    public const string WeChatOnAPhone =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x18003231) NetType/WIFI Language/zh_CN";

    /// <summary>A fresh browser context's page: a computer's, a phone's, or (<paramref name="inWeChat"/>) a phone's WeChat browser.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false, bool inWeChat = false)
    {
        var options = new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN" };
        if (phone || inWeChat)
        {
            (options.ViewportSize, options.IsMobile, options.HasTouch) = (new ViewportSize { Width = 390, Height = 844 }, true, true);
            options.UserAgent = inWeChat ? WeChatOnAPhone
                : "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
        }
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>The code of the newest development SMS to a phone (the dispatcher sends it within a second or two).</summary>
    public async Task<string> WaitForSmsCodeAsync(string phone, string? notThis = null)
    {
        for (var i = 0; i < 100; i++)
        {
            if (LastCodeTo(phone) is { } code && code != notThis)
            {
                return code;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No SMS code reached {phone}.");
    }

    public string? LastCodeTo(string phone) => Factory.Services.GetRequiredService<DevelopmentSmsSender>().Sent
        .LastOrDefault(m => m.PhoneNumber == phone && m.TemplateKey == "verification-code")?.Parameters["code"];

    /// <summary>
    /// Closes Chromium, Playwright and the app, each even if one before it fails. A failure here comes after every journey
    /// has reported, so it is written out in full as a diagnostic (xunit.runner.json shows them) instead of failing the
    /// run: the test adapter prints a clean-up failure as its exception type alone, which left CI's one such failure
    /// ("System.IO.IOException") without a cause.
    /// </summary>
    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await ReportFailureAsync("closing Chromium", async () => await Browser.DisposeAsync());
            await ReportFailureAsync("stopping Playwright", () => { _playwright.Dispose(); return Task.CompletedTask; });
        }
        await ReportFailureAsync("stopping the app", () => { Factory.Dispose(); return Task.CompletedTask; });
    }

    private async Task ReportFailureAsync(string step, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e)
        {
            diagnostics.OnMessage(new DiagnosticMessage($"Browser fixture: {step} failed after the journeys had run: {e}"));
        }
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
