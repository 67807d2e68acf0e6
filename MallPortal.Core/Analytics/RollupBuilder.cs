namespace MallPortal.Core.Analytics;

/// <summary>Turns one day's facts into its rollup rows: the one place that says which key a sale, a refund or a commission
/// counts under. Pure, so a refresh, a rebuild and the check give the same rows.</summary>
internal static class RollupBuilder
{
    public const string Direct = "direct";

    /// <summary>Brought by a distributor through a customer binding rather than a link.</summary>
    public const string Bound = "distributor";

    public static IReadOnlyList<SalesRollup> Build(DateOnly day, DayFacts facts)
    {
        var rows = new Dictionary<(int, SalesDimension, string), Tally>();
        Tally Row(int shopId, (SalesDimension Dimension, string Key) at)
        {
            if (!rows.TryGetValue((shopId, at.Dimension, at.Key), out var tally))
            {
                rows[(shopId, at.Dimension, at.Key)] = tally = new Tally(new SalesRollup(day, shopId, at.Dimension, at.Key));
            }
            return tally;
        }
        var linesOf = facts.Lines.Values.ToLookup(l => l.OrderId);
        var earnedOn = facts.Earned.GroupBy(c => c.LineId).ToDictionary(g => g.Key, g => g.Sum(c => c.AmountFen));
        foreach (var order in facts.Paid)
        {
            var lines = linesOf[order.OrderId].ToList();
            foreach (var tally in OrderKeys(order, facts).Select(k => Row(order.ShopId, k)))
            {
                tally.Sold(order.OrderId, order.BuyerUserId, lines.Sum(l => l.Quantity), order.TotalFen, lines.Sum(l => earnedOn.GetValueOrDefault(l.LineId)));
            }
            foreach (var line in lines)
            {
                foreach (var tally in LineKeys(line, facts).Select(k => Row(order.ShopId, k)))
                {
                    tally.Sold(order.OrderId, order.BuyerUserId, line.Quantity, line.AmountFen, earnedOn.GetValueOrDefault(line.LineId));
                }
            }
        }
        for (var i = 0; i < facts.Refunds.Count; i++)
        {
            var refund = facts.Refunds[i];
            var order = facts.Orders[refund.OrderId];
            foreach (var tally in OrderKeys(order, facts).Select(k => Row(order.ShopId, k)))
            {
                tally.Refunded(i, refund.Lines.Sum(l => l.Quantity), refund.AmountFen);
            }
            foreach (var (lineId, quantity, amountFen) in refund.Lines)
            {
                foreach (var tally in LineKeys(facts.Lines[lineId], facts).Select(k => Row(order.ShopId, k)))
                {
                    tally.Refunded(i, quantity, amountFen);
                }
            }
        }
        foreach (var back in facts.TakenBack)
        {
            var order = facts.Orders[back.OrderId];
            foreach (var tally in OrderKeys(order, facts).Concat(LineKeys(facts.Lines[back.LineId], facts)).Select(k => Row(order.ShopId, k)))
            {
                tally.Row.CommissionBackFen += back.AmountFen;
            }
        }
        foreach (var shop in facts.Visits.GroupBy(v => v.ShopId))
        {
            Row(shop.Key, (SalesDimension.Total, "")).Row.Visitors = shop.Select(v => v.Visitor).Distinct().Count();
        }
        return rows.Values.Select(t => t.Done()).ToList();
    }

    private static IEnumerable<(SalesDimension, string)> OrderKeys(OrderFact order, DayFacts facts)
    {
        yield return (SalesDimension.Total, "");
        yield return (SalesDimension.Channel, order.DistributorId is null ? Direct : order.Channel?.ToString() ?? Bound);
        yield return (SalesDimension.Payment, order.Payment);
        yield return (SalesDimension.Province, order.Province);
        if (order.DistributorId is { } distributorId)
        {
            yield return (SalesDimension.Distributor, distributorId.ToString());
            var grade = order.PaidAt is { } paidAt ? facts.GradeAt(distributorId, paidAt) : null;
            yield return (SalesDimension.Grade, (grade ?? 0).ToString());
        }
    }

    private static IEnumerable<(SalesDimension, string)> LineKeys(LineFact line, DayFacts facts)
    {
        var (categoryId, brandId) = facts.Products.GetValueOrDefault(line.ProductId);
        yield return (SalesDimension.Category, categoryId.ToString());
        yield return (SalesDimension.Brand, (brandId ?? 0).ToString());
        yield return (SalesDimension.Product, line.ProductId.ToString());
    }

    /// <summary>A row being added up, with the distinct orders, buyers and refunds behind it.</summary>
    private sealed class Tally(SalesRollup row)
    {
        private readonly HashSet<int> _orders = [], _buyers = [], _refunds = [];

        public SalesRollup Row => row;

        public void Sold(int orderId, int buyerUserId, int units, long fen, long commissionFen)
        {
            _orders.Add(orderId);
            _buyers.Add(buyerUserId);
            row.Units += units;
            row.SalesFen += fen;
            row.CommissionFen += commissionFen;
        }

        public void Refunded(int refund, int units, long fen)
        {
            _refunds.Add(refund);
            row.RefundUnits += units;
            row.RefundFen += fen;
        }

        public SalesRollup Done()
        {
            (row.Orders, row.Buyers, row.Refunds) = (_orders.Count, _buyers.Count, _refunds.Count);
            return row;
        }
    }
}
