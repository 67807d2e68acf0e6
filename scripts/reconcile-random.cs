#:project ../MallPortal/MallPortal.csproj
#:package Microsoft.AspNetCore.Mvc.Testing
#:property TreatWarningsAsErrors=false
#:property PublishAot=false

// Randomized funds reconciliation: N checkouts through the real services on SQLite (a fresh temp data folder) and, when
// MALLPORTAL_BENCH_POSTGRES holds a connection string, on PostgreSQL (a throw-away database). The demo shop is seeded;
// both shops get a two-level policy (A: 12 % / 6 % on the paid amount; B: 15 % / 5 % on the margin) and a service fee
// (A 5 %, B 2 %); 60 new customers are bound to the demo distributors' links. Each checkout takes 1-3 random SKUs of
// either shop in random quantities, is paid at the sandbox cashier (its signed notification reaches PaymentService), and
// each of its orders is then either cancelled with a refund (a fifth) or shipped and received. Every 250 checkouts the
// settle jobs run as a week later, and random distributors and shops withdraw (approved and paid, or rejected).
// Every sixth customer signs in on its distributor's device, so its orders' commissions are held for review (decision
// 0010); before each settle run the admin releases or voids (back to the shop) every held commission, half and half.
// At the end: the funds reconciliation over every paid order (received = receivables + commissions + fees + refunds),
// the balance checks of every distributor and shop, and the totals. Exits 1 on any difference.
// A checkout makes an order per shop in it, so 4,000 checkouts make about 5,000 orders.
// Run: dotnet run -c Release scripts/reconcile-random.cs [checkouts=4000] [seed=20261202] [sqlite|postgres|both]
using System.Diagnostics;
using System.Net;
using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Distribution.Funds;
using MallPortal.Core.Distribution.Risk;
using MallPortal.Core.Distribution.Withdrawals;
using MallPortal.Core.Inventory;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Core.Orders.Settlement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

var count = args.Length > 0 ? int.Parse(args[0]) : 4000;
var seed = args.Length > 1 ? int.Parse(args[1]) : 20261202;
var only = args.Length > 2 ? args[2] : "both"; // sqlite | postgres | both
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MALLPORTAL",
    Path.GetFullPath(Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, "..", "MallPortal")));
var failed = false;
if (only != "postgres")
{
    failed |= !await RunAsync("sqlite", null);
}
var pg = only == "sqlite" ? null : Environment.GetEnvironmentVariable("MALLPORTAL_BENCH_POSTGRES");
if (!string.IsNullOrEmpty(pg))
{
    var name = "mallportal_recon_" + Guid.NewGuid().ToString("N")[..8];
    await using (var admin = new NpgsqlConnection(pg)) { await admin.OpenAsync(); await new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync(); }
    try
    {
        failed |= !await RunAsync("postgres", new NpgsqlConnectionStringBuilder(pg) { Database = name }.ConnectionString);
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(pg);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }
}
else
{
    Console.WriteLine("postgres: skipped (set MALLPORTAL_BENCH_POSTGRES to a connection string)");
}
return failed ? 1 : 0;

async Task<bool> RunAsync(string label, string? postgres)
{
    var folder = Path.Combine(Path.GetTempPath(), "mallportal-recon-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    var notify = new NotifyHandler();
    using var factory = new ReconFactory(folder, postgres, notify);
    try
    {
        var clock = Stopwatch.StartNew();
        var stdout = Console.Out;
        Console.SetOut(TextWriter.Null);
        var services = factory.Services;
        Console.SetOut(stdout);
        notify.Services = services;
        var run = new Run(services, new Random(seed));
        await run.PrepareAsync();
        var start = DateTime.UtcNow.AddMinutes(-1);
        for (var i = 1; i <= count; i++)
        {
            await run.CheckoutAsync();
            if (i % 250 == 0 || i == count)
            {
                await run.SettleAndWithdrawAsync();
                Console.Error.WriteLine($"{label}: {i} checkouts, {clock.Elapsed.TotalSeconds:F0} s");
            }
        }
        var report = await services.GetRequiredService<FundsReconciliation>().RunAsync(run.Admin, new Period(start, DateTime.UtcNow.AddDays(30)));
        Console.WriteLine($"== {label}: {count} checkouts -> {report.Orders.Count} paid orders ({run.Refunded} refunded, {run.Received} received), " +
                          $"{run.Withdrawals} withdrawals, held commissions released {run.Released} / voided {run.Voided}, in {clock.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine($"   received {new Money(report.Total(r => r.PaidFen))} = receivables {new Money(report.Total(r => r.ReceivableFen))} + commissions " +
                          $"{new Money(report.Total(r => r.CommissionFen))} + fees {new Money(report.Total(r => r.FeeFen))} + refunds {new Money(report.Total(r => r.RefundFen))}");
        Console.WriteLine($"   orders that do not balance: {report.Differences.Count}; balances that differ from their ledgers: {report.Balances.Count}");
        foreach (var d in report.Differences.Take(10))
        {
            Console.WriteLine($"   DIFF order {d.OrderNumber}: {d.DifferenceFen} fen");
        }
        foreach (var b in report.Balances.Take(10))
        {
            Console.WriteLine($"   DIFF {b.Kind} {b.Name} {b.Bucket}: stored {b.StoredFen} ledger {b.LedgerFen}");
        }
        return report.Balanced;
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, true); } catch (IOException) { }
    }
}

sealed class Run(IServiceProvider services, Random random)
{
    private readonly List<(Actor Buyer, int AddressId)> _buyers = [];
    private readonly List<int> _skus = [];
    private readonly Dictionary<int, Actor> _merchants = [];

    public Actor Admin { get; private set; } = default!;

    public int Refunded { get; private set; }

    public int Received { get; private set; }

    public int Withdrawals { get; private set; }

    public int Released { get; private set; }

    public int Voided { get; private set; }

    private T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public async Task PrepareAsync()
    {
        await using var db = await Get<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var adminId = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Admin select ur.UserId).FirstAsync();
        Admin = new Actor(adminId, new HashSet<string> { Roles.Admin });
        var shops = await db.Shops.OrderBy(s => s.Id).Select(s => new { s.Id, s.OwnerUserId }).ToListAsync();
        var policies = Get<CommissionPolicyService>();
        var rules = new[] { (1200, 600, CommissionBase.PaidAmount, 500), (1500, 500, CommissionBase.Margin, 200) };
        for (var i = 0; i < shops.Count; i++)
        {
            var merchant = new Actor(shops[i].OwnerUserId, new HashSet<string> { Roles.Merchant });
            _merchants[shops[i].Id] = merchant;
            var (l1, l2, basis, fee) = rules[i % 2];
            var version = (await policies.GetMineAsync(merchant)).Policy.Version;
            await policies.SaveAsync(merchant, new CommissionPolicyInput(true, 2, l1, l2, 0, basis, false, version));
            await Get<ShopSettlementService>().SetServiceFeeAsync(Admin, shops[i].Id, fee);
        }
        var skus = await db.ProductSkus.Where(k => db.Products.Any(p => p.Id == k.ProductId && p.Status == MallPortal.Core.Catalog.ProductStatus.OnSale))
            .Select(k => new { k.Id, k.ShopId }).ToListAsync();
        foreach (var sku in skus)
        {
            await Get<StockService>().AdjustAsync(_merchants[sku.ShopId], sku.Id, 100_000, "对账演练备货");
            _skus.Add(sku.Id);
        }
        var links = await db.PromotionLinks.Select(l => l.Code).ToListAsync();
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MallUser>>();
        for (var i = 0; i < 60; i++)
        {
            var user = MallUser.Register(LoginIdentifier.Parse($"1390000{i:D4}"), $"演练顾客{i}", DateTime.UtcNow);
            await users.CreateAsync(user, "recon1234");
            await users.AddToRoleAsync(user, Roles.Consumer);
            var actor = new Actor(user.Id, new HashSet<string> { Roles.Consumer });
            await Get<AttributionService>().OnSignedInAsync(user.Id, new ReferralCookie(links[random.Next(links.Count)], DateTime.UtcNow).ToString());
            var address = await Get<AddressService>().AddAsync(actor, new AddressInput($"顾客{i}", $"1390000{i:D4}", "浙江省", "杭州市", "西湖区", "文三路 90 号"), true);
            if (i % 6 == 0)
            {
                var promoter = await (from b in db.CustomerBindings join d in db.Distributors on b.DistributorId equals d.Id
                                      where b.CustomerUserId == user.Id select d.UserId).FirstAsync();
                var device = Guid.NewGuid().ToString("N").ToUpperInvariant();
                await Get<SignInTraceRecorder>().RecordAsync(promoter, device, null);
                await Get<SignInTraceRecorder>().RecordAsync(user.Id, device, null);
            }
            _buyers.Add((actor, address));
        }
    }

    public async Task CheckoutAsync()
    {
        var (buyer, address) = _buyers[random.Next(_buyers.Count)];
        var lines = Enumerable.Range(0, random.Next(1, 4)).Select(_ => _skus[random.Next(_skus.Count)]).Distinct()
            .Select(sku => new CheckoutLine(sku, random.Next(1, 4))).ToList();
        var placed = await Get<CheckoutService>().PlaceOrderAsync(buyer, new CheckoutInput(lines, address, SandboxGateway.GatewayName, Guid.NewGuid().ToString("N")));
        var cashier = await Get<PaymentService>().StartAsync(buyer, placed.OrderNumbers[0], "https://recon.test");
        await Get<SandboxProvider>().PayAsync(cashier[(cashier.LastIndexOf('/') + 1)..]);
        foreach (var number in placed.OrderNumbers)
        {
            await using var db = await Get<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
            var shopId = await db.Orders.Where(o => o.Number == number).Select(o => o.ShopId).SingleAsync();
            if (random.Next(5) == 0)
            {
                var refunds = Get<RefundService>();
                await refunds.DecideAsync(_merchants[shopId], await refunds.RequestCancellationAsync(buyer, number, "演练取消"), true, null);
                Refunded++;
            }
            else
            {
                await Get<MallPortal.Core.Orders.Shipping.ShippingService>().ShipAsync(_merchants[shopId], number, new("shunfeng", "SF" + random.NextInt64(1_000_000_000_000, 9_999_999_999_999)));
                await Get<OrderService>().ConfirmReceiptAsync(buyer, number);
                Received++;
            }
        }
    }

    /// <summary>The settle jobs as a week later; then a few payees withdraw part of what they may, approved and paid or rejected.</summary>
    public async Task SettleAndWithdrawAsync()
    {
        var holds = Get<CommissionHoldService>();
        while ((await holds.QueueAsync(Admin, CommissionHold.Held, 0, 200)).Items is { Count: > 0 } held)
        {
            foreach (var row in held)
            {
                var release = random.Next(2) == 0;
                await holds.ReviewAsync(Admin, row.Id, release, release ? null : "演练作废");
                (Released, Voided) = release ? (Released + 1, Voided) : (Released, Voided + 1);
            }
        }
        var later = DateTime.UtcNow.AddDays(8);
        while (await Get<CommissionService>().SettleDueAsync(later) > 0) { }
        while (await Get<ShopSettlementService>().SettleDueAsync(later) > 0) { }
        await using var db = await Get<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var payees = await db.Distributors.Where(d => d.WithdrawableFen >= 2000).Select(d => new { d.UserId, d.Name, d.Mobile }).ToListAsync();
        foreach (var payee in payees)
        {
            var actor = new Actor(payee.UserId, new HashSet<string> { Roles.Distributor });
            var rules = await Get<WithdrawalQueries>().RulesAsync(actor);
            var amount = new Money(Math.Min(rules.Withdrawable.Fen / 2, rules.DailyLimit.Fen - rules.RequestedToday.Fen));
            if (amount.Fen < rules.Minimum.Fen)
            {
                continue;
            }
            await WithdrawAsync(actor, new WithdrawalRequest(amount, new PayoutAccount(PayoutMethod.Alipay, payee.Mobile, payee.Name)));
        }
        foreach (var (shopId, merchant) in _merchants)
        {
            var rules = await Get<WithdrawalQueries>().RulesAsync(merchant, PayeeKind.Shop);
            var amount = new Money(Math.Min(rules.Withdrawable.Fen / 3, rules.DailyLimit.Fen - rules.RequestedToday.Fen));
            if (amount.Fen >= rules.Minimum.Fen)
            {
                await WithdrawAsync(merchant, new WithdrawalRequest(amount, new PayoutAccount(PayoutMethod.BankCard, "6222021234567890123", rules.DefaultName, "工商银行"), PayeeKind.Shop));
            }
        }
    }

    private async Task WithdrawAsync(Actor actor, WithdrawalRequest request)
    {
        var service = Get<WithdrawalService>();
        var number = await service.RequestAsync(actor, request);
        if (random.Next(4) == 0)
        {
            await service.ProcessAsync(Admin, number, WithdrawalTrigger.Reject, "演练拒绝");
        }
        else
        {
            await service.ProcessAsync(Admin, number, WithdrawalTrigger.Approve, null);
            await service.ProcessAsync(Admin, number, WithdrawalTrigger.MarkPaid, "RECON" + number);
        }
        Withdrawals++;
    }
}

/// <summary>The site's notification endpoint as the sandbox provider reaches it: the fields go straight to PaymentService.</summary>
sealed class NotifyHandler : HttpMessageHandler
{
    public IServiceProvider? Services { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var fields = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken)).ToDictionary(f => f.Key, f => f.Value.ToString());
        var result = await Services!.GetRequiredService<PaymentService>().HandleNotificationAsync(path[(path.LastIndexOf('/') + 1)..], fields, cancellationToken);
        return new HttpResponseMessage(result.Accepted ? HttpStatusCode.OK : HttpStatusCode.BadRequest) { Content = new StringContent(result.Body) };
    }
}

sealed class ReconFactory(string folder, string? postgres, NotifyHandler notify) : WebApplicationFactory<MallPortal.Components.App>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Data:Folder", folder);
        builder.UseSetting("Demo:SeedOnFirstRun", "true");
        builder.UseSetting("Demo:HistoryDays", "0");
        builder.UseSetting("Admin:Login", "admin@recon.local");
        builder.UseSetting("Admin:Password", "admin1234");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RateLimits:AccountPostsPerMinute", "100000");
        if (postgres is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Mall", postgres);
        }
        builder.ConfigureLogging(l => l.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        builder.ConfigureServices(s => s.AddHttpClient(SandboxCallbackSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => notify));
    }
}
