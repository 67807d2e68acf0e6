using System.Text.RegularExpressions;
using MallPortal.Tests.Accounts;
using MallPortal.Tests.Support;
using Microsoft.Playwright;
using Npgsql;

namespace MallPortal.Tests.ScaleOut;

/// <summary>
/// Two app instances that .ci/run starts from the published app on one PostgreSQL database, with Redis and an
/// S3-compatible bucket, as README "Production" describes: what one instance does, a person on the other sees.
/// </summary>
public class TwoInstanceTests
{
    private const string Sku = "DM008-01"; // 钢化膜, a product with one SKU
    private const int SandboxTickSeconds = 5; // the sandbox-callbacks trigger's interval

    [ScaleOutFact("instances")]
    public async Task Stock_received_on_one_instance_shows_live_on_the_other_a_file_uploaded_on_one_is_served_by_the_other_and_each_job_firing_runs_once()
    {
        var (a, b, database) = TestEnvironment.TwoInstances!.Value;
        var watchFrom = DateTime.UtcNow;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });

        // A shopper on B watches the product page; the merchant receives stock on A.
        var shopper = await NewPageAsync(browser, b);
        await shopper.GotoAsync("/product/8");
        await shopper.WaitForInteractiveAsync();
        var stock = shopper.GetByTestId("stock");
        var start = int.Parse(Regex.Match(await stock.InnerTextAsync(), @"\d+").Value);

        var merchant = await NewPageAsync(browser, a);
        await merchant.LogInAsync("13800000001", MallPortalFactory.DemoPassword, "/merchant/stock");
        await merchant.WaitForReadyAsync("stock");
        await merchant.GetByPlaceholder("搜索商品标题或 SKU 编码").FillAsync(Sku);
        await Assertions.Expect(merchant.Locator(".mud-table-body tr")).ToHaveCountAsync(1);
        var row = merchant.GetByRole(AriaRole.Row).Filter(new() { HasText = Sku });
        await row.GetByRole(AriaRole.Button, new() { Name = "入库" }).ClickAsync();
        await row.GetByLabel("入库数量").FillAsync("5");
        await row.GetByLabel("供应商").FillAsync("东莞膜业");
        await row.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(stock).ToHaveTextAsync($"库存 {start + 5} 件"); // no reload: Redis carried it from A to B

        // A buyer signs in and uploads an avatar on A; B serves the file, and B reads A's cookie (shared keys).
        var buyer = await NewPageAsync(browser, a);
        await buyer.LogInAsync("13800000022", MallPortalFactory.DemoPassword, "/account");
        await buyer.WaitForReadyAsync("profile");
        var avatar = buyer.GetByTestId("avatar").Locator("img");
        // Against instances kept from an earlier run the buyer already has an avatar; wait for the new one, not that.
        var earlier = await avatar.CountAsync() == 1 ? await avatar.GetAttributeAsync("src") : null;
        await buyer.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "me.png", MimeType = "image/png", Buffer = ProfileServiceTests.Png(300, 300) });
        await Assertions.Expect(avatar).ToHaveAttributeAsync("src", new Regex("^/files/avatars/.+\\.jpg$"));
        if (earlier is not null)
        {
            await Assertions.Expect(avatar).Not.ToHaveAttributeAsync("src", earlier);
        }
        var src = (await avatar.GetAttributeAsync("src"))!;
        var fromA = await buyer.APIRequest.GetAsync(a + src);
        var fromB = await buyer.APIRequest.GetAsync(b + src);
        Assert.Equal((200, 200), (fromA.Status, fromB.Status));
        Assert.Equal("image/jpeg", fromB.Headers["content-type"]);
        Assert.Equal(await fromA.BodyAsync(), await fromB.BodyAsync());

        var sameBuyerOnB = await buyer.Context.NewPageAsync();
        await sameBuyerOnB.GotoAsync(b + "/account");
        await sameBuyerOnB.WaitForReadyAsync("profile");
        await Assertions.Expect(sameBuyerOnB.GetByTestId("avatar").Locator("img")).ToHaveAttributeAsync("src", src);

        // Each firing of a 5-second trigger ran on one instance only, over at least half a minute of both running.
        var window = TimeSpan.FromSeconds(35) - (DateTime.UtcNow - watchFrom);
        if (window > TimeSpan.Zero)
        {
            await Task.Delay(window);
        }
        var (instances, firings) = await ClusterAsync(database, watchFrom);
        Assert.Equal(2, instances.Count);
        Assert.All(firings, f => Assert.Contains(f.Instance, instances));
        var seconds = (DateTime.UtcNow - watchFrom).TotalSeconds;
        Assert.InRange(firings.Count, (int)(seconds / SandboxTickSeconds) - 2, (int)(seconds / SandboxTickSeconds) + 1);
        var gaps = firings.Zip(firings.Skip(1), (x, y) => (y.At - x.At).TotalSeconds).ToList();
        Assert.All(gaps, gap => Assert.InRange(gap, SandboxTickSeconds * 0.6, SandboxTickSeconds * 1.6));
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-CN" });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>The instances checked in to Quartz's cluster, and the scheduled runs of the sandbox trigger since <paramref name="from"/>.</summary>
    private static async Task<(HashSet<string> Instances, List<(string Instance, DateTime At)> Firings)> ClusterAsync(string database, DateTime from)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var instances = new HashSet<string>();
        await using (var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state WHERE sched_name = 'MallPortal'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                instances.Add(reader.GetString(0));
            }
        }
        var firings = new List<(string, DateTime)>();
        await using (var command = new NpgsqlCommand(
            "SELECT instance_name, fired_time FROM qrtz_execution_history WHERE sched_name = 'MallPortal' AND trigger_name = 'sandbox-callbacks-tick' " +
            "AND fired_time >= @from AND manual IS NOT TRUE ORDER BY fired_time", connection))
        {
            command.Parameters.AddWithValue("from", from.Ticks);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                firings.Add((reader.GetString(0), new DateTime(reader.GetInt64(1), DateTimeKind.Utc)));
            }
        }
        return (instances, firings);
    }
}
