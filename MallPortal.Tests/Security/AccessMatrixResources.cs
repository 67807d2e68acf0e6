using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Security;

/// <summary>
/// Owner A's resources (and B's own, for the circuit), found in the demo seed or made through the real services, with words of
/// A's data that must never reach another owner.
/// </summary>
public sealed record AccessMatrixResources
{
    /// <summary>A well-formed number and id no resource has, to compare "someone else's" with "no such thing".</summary>
    public const string MissingNumber = "20990101000000000099";

    public const int MissingId = 999_999;

    public const string AfterSaleStory = "左声道有杂音，音量调大后更明显";

    public required string OrderA { get; init; }          // consumer A's completed order at shop A
    public required int OrderLineA { get; init; }
    public required string PendingOrderA { get; init; }   // consumer A's order waiting for payment
    public required string PaymentA { get; init; }
    public required string RecipientA { get; init; }      // 刘洋, and the street of the address
    public required string StreetA { get; init; }
    public required string OrderB { get; init; }          // consumer B's own order
    public required string ShopOrderB { get; init; }      // an order at merchant B's shop
    public required string PromotedOrderA { get; init; }  // brought by distributor A's link
    public required string PromotedTitleA { get; init; }
    public required string PromotedOrderB { get; init; }  // brought by distributor B's link
    public required string AfterSaleA { get; init; }
    public required int ProductA { get; init; }
    public required string ProductTitleA { get; init; }
    public required string ProductImageA { get; init; }
    public required int StocktakeA { get; init; }
    public required string StocktakeNumberA { get; init; }
    public required int DistributorA { get; init; }
    public required int DistributorApplicationA { get; init; }
    public required string LinkA { get; init; }
    public required int ShopA { get; init; }
    public required int CategoryId { get; init; }

    public string[] BuyerSecrets => [RecipientA, StreetA];

    /// <summary><paramref name="withStocktakes"/>: also open a stocktake in shop A (the matrix's own app only).</summary>
    public static async Task<AccessMatrixResources> FindAsync(IServiceProvider services, bool withStocktakes = true)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        async Task<int> UserAsync(Party party) => await db.Users.Where(u => u.PhoneNumber == AccessMatrixFixture.Logins[party]).Select(u => u.Id).SingleAsync();
        var merchantA = new Actor(await UserAsync(Party.MerchantA), new HashSet<string> { Roles.Merchant, Roles.Consumer });
        var consumerA = new Actor(await UserAsync(Party.ConsumerA), new HashSet<string> { Roles.Consumer });
        var consumerB = await UserAsync(Party.ConsumerB);
        var shopA = await db.Shops.Where(s => s.OwnerUserId == merchantA.UserId).Select(s => s.Id).SingleAsync();
        var ordersA = await db.Orders.Where(o => o.BuyerUserId == consumerA.UserId).Include(o => o.Lines).Include(o => o.Payment).ToListAsync();
        // The demo's completed order at shop A whose speaker 刘洋 sent back (AfterSaleDemoSeeder): an order and a case of consumer A.
        var afterSaleA = await db.AfterSales.Where(a => a.BuyerUserId == consumerA.UserId && a.ShopId == shopA).OrderBy(a => a.Id).FirstAsync();
        var done = ordersA.Single(o => o.Id == afterSaleA.OrderId);
        var pending = ordersA.OrderBy(o => o.Id).First(o => o.Status == OrderStatus.PendingPayment);
        var wang = await db.Distributors.SingleAsync(d => d.Mobile == AccessMatrixFixture.Logins[Party.DistributorA]);
        var li = await db.Distributors.SingleAsync(d => d.Mobile == AccessMatrixFixture.Logins[Party.DistributorB]);
        IQueryable<Order> Promoted(int distributorId) => db.Orders.Where(o => db.OrderAttributions.Any(a => a.OrderId == o.Id && a.DistributorId == distributorId));
        var promotedA = await Promoted(wang.Id).Include(o => o.Lines).FirstAsync();
        var productA = await db.Products.Where(p => p.ShopId == shopA).OrderBy(p => p.Id).FirstAsync();

        var stocktakes = services.GetRequiredService<StocktakeService>();
        var stocktakeA = withStocktakes ? await stocktakes.CreateAsync(merchantA, null) : 0;

        return new AccessMatrixResources
        {
            OrderA = done.Number, OrderLineA = done.Lines[0].Id, PendingOrderA = pending.Number, PaymentA = pending.Payment.Number,
            RecipientA = done.RecipientName, StreetA = "张杨路",
            OrderB = await db.Orders.Where(o => o.BuyerUserId == consumerB).OrderBy(o => o.Id).Select(o => o.Number).FirstAsync(),
            ShopOrderB = ordersA.OrderBy(o => o.Id).First(o => o.ShopId != shopA && o.Status != OrderStatus.PendingPayment).Number,
            PromotedOrderA = promotedA.Number, PromotedTitleA = promotedA.Lines[0].Title,
            PromotedOrderB = await Promoted(li.Id).Select(o => o.Number).FirstAsync(),
            AfterSaleA = afterSaleA.Number, ProductA = productA.Id, ProductTitleA = productA.Title, ProductImageA = await db.Set<Core.Catalog.ProductImage>().Where(i => i.ProductId == productA.Id).OrderBy(i => i.SortOrder).Select(i => i.Path).FirstAsync(),
            StocktakeA = stocktakeA, StocktakeNumberA = await db.Stocktakes.Where(s => s.Id == stocktakeA).Select(s => s.Number).SingleOrDefaultAsync() ?? "",
            DistributorA = wang.Id,
            DistributorApplicationA = await db.DistributorApplications.Where(a => a.ApplicantUserId == wang.UserId).Select(a => a.Id).FirstAsync(),
            LinkA = await db.PromotionLinks.Where(l => l.DistributorId == wang.Id).Select(l => l.Code).FirstAsync(),
            ShopA = shopA, CategoryId = await db.Categories.Select(c => c.Id).FirstAsync(),
        };
    }
}
