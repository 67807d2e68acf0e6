using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Catalog.Reviews;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.AfterSales;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Shipping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Security;

/// <summary>
/// What buyers and the merchant type around orders, through the same services: an address (recipient and street) and an
/// order note at checkout (cash on delivery), then after shipment and receipt a review and the shop's reply, an
/// after-sale claim and both sides' messages. Plain-text fields carry as many payloads as fit (packed).
/// </summary>
internal sealed class XssOrderSeeder(IServiceProvider services, XssCorpus corpus)
{
    public async Task<List<XssOrder>> CreateAsync(Actor merchant, IReadOnlyDictionary<int, Actor> buyers, IReadOnlyList<XssCollection> collections)
    {
        var (notes, streets, reviews, replies, claims, messages) = (corpus.Pack(Order.NoteMaxLength), corpus.Pack(ShippingAddress.DetailMaxLength),
            corpus.Pack(ProductReview.TextMaxLength), corpus.Pack(ProductReview.ReplyMaxLength), corpus.Pack(AfterSale.DescriptionMaxLength),
            corpus.Pack(AfterSaleMessage.MaxLength));
        var names = corpus.Numbers.Where(n => corpus[n].Trim().Length <= ShippingAddress.NameMaxLength).ToList();
        var count = new[] { notes.Count, streets.Count, reviews.Count, replies.Count, claims.Count, messages.Count, names.Count }.Max();
        var skus = await SkusAsync(collections);
        var orders = new List<XssOrder>();
        for (var i = 0; i < count; i++)
        {
            var person = i % buyers.Count + 1;
            var buyer = buyers[person];
            var name = i < names.Count ? corpus.Fit("address recipient name", names[i], ShippingAddress.NameMaxLength, "") : $"收件人{i}";
            var street = At(streets, i, "address street", "科技园科苑路 15 号");
            var address = await services.GetRequiredService<AddressService>().AddAsync(buyer,
                new AddressInput(name, "13900001234", "广东省", "深圳市", "南山区", street), makeDefault: true);
            // Round the collections so each product page shows a few reviews (one page of them).
            var sku = skus[i % skus.Count][i / skus.Count % skus[i % skus.Count].Count];
            var placed = await services.GetRequiredService<CheckoutService>().PlaceOrderAsync(buyer, new CheckoutInput(
                [new CheckoutLine(sku.SkuId, 1)], address, CashOnDeliveryGateway.GatewayName, Guid.NewGuid().ToString("N"),
                new Dictionary<int, string> { [sku.ShopId] = At(notes, i, "order note", "请尽快发货") }));
            var number = Assert.Single(placed.OrderNumbers);
            await services.GetRequiredService<ShippingService>().ShipAsync(merchant, number, new ShipmentInput("shunfeng", $"SF{5100000000000 + i}"));
            await services.GetRequiredService<FulfilmentService>().MarkCashCollectedAsync(merchant, number);
            await services.GetRequiredService<OrderService>().ConfirmReceiptAsync(buyer, number);
            var lineId = await LineAsync(number);
            string? afterSale = null;
            if (i < reviews.Count || i < replies.Count)
            {
                var review = await services.GetRequiredService<ReviewService>().SubmitAsync(buyer, lineId, 5, At(reviews, i, "review text", "很好"), []);
                await services.GetRequiredService<ReviewService>().ReplyAsync(merchant, review, At(replies, i, "merchant reply", "感谢支持"));
            }
            if (i < claims.Count || i < messages.Count)
            {
                afterSale = await services.GetRequiredService<AfterSaleService>().ApplyAsync(buyer, number, lineId,
                    new AfterSaleClaim(AfterSaleType.RefundOnly, AfterSaleReason.NoReason, 1, At(claims, i, "after-sale description", "不想要了")), []);
                var talk = services.GetRequiredService<AfterSaleTalkService>();
                await talk.SayAsync(buyer, AfterSaleParty.Buyer, afterSale, At(messages, i, "after-sale message (buyer)", "请处理"));
                await talk.SayAsync(merchant, AfterSaleParty.Merchant, afterSale, At(messages, messages.Count - 1 - i, "after-sale message (merchant)", "已收到"));
            }
            orders.Add(new XssOrder(number, person, afterSale, i < notes.Count ? notes[i].Text : null));
        }
        return orders;
    }

    private string At(List<(string Text, List<int> Numbers)> packs, int index, string field, string fallback)
    {
        if (index < 0 || index >= packs.Count)
        {
            return fallback;
        }
        corpus.Record(field, packs[index].Numbers);
        return packs[index].Text;
    }

    private async Task<List<List<(int SkuId, int ShopId)>>> SkusAsync(IReadOnlyList<XssCollection> collections)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var ids = collections.Select(c => c.ProductId).ToList();
        var skus = await db.ProductSkus.Where(k => ids.Contains(k.ProductId)).OrderBy(k => k.Id).Select(k => new { k.Id, k.ShopId, k.ProductId }).ToListAsync();
        return ids.Select(id => skus.Where(k => k.ProductId == id).Select(k => (k.Id, k.ShopId)).ToList()).ToList();
    }

    private async Task<int> LineAsync(string number)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        return await db.OrderLines.Where(l => db.Orders.Any(o => o.Id == l.OrderId && o.Number == number)).Select(l => l.Id).SingleAsync();
    }
}

/// <summary>An order placed by the person of payload <paramref name="Buyer"/>; its after-sale case, if any; its note.</summary>
internal sealed record XssOrder(string Number, int Buyer, string? AfterSale, string? Note);
