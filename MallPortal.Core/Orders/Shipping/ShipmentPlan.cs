using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Orders.Shipping;

/// <summary>
/// Which units go into the next parcel: what was asked for each line (nothing asked = everything still unshipped),
/// never more than a line has left, at least one unit. Complete when nothing is left after it.
/// </summary>
public static class ShipmentPlan
{
    public static (List<ShipmentLine> Lines, bool Complete) Of(Order order, IEnumerable<Shipment> earlier, IReadOnlyDictionary<int, int>? wanted)
    {
        var left = Left(order, earlier);
        var lines = new List<ShipmentLine>();
        foreach (var (lineId, remaining) in left)
        {
            var quantity = wanted is null ? remaining : wanted.GetValueOrDefault(lineId);
            if (quantity < 0 || quantity > remaining)
            {
                throw new DomainException(string.Format(CoreText.ShipQuantityInvalid, order.Lines.Single(l => l.Id == lineId).Title, remaining), "Quantities");
            }
            if (quantity > 0)
            {
                lines.Add(new ShipmentLine(lineId, quantity));
            }
        }
        if (wanted is not null && wanted.Keys.Any(id => !left.ContainsKey(id)) || lines.Count == 0)
        {
            throw new DomainException(CoreText.ShipNothingChosen, "Quantities");
        }
        // Lines shipped (or refunded) in full already have nothing left and are complete without this parcel.
        var complete = left.All(l => lines.Where(s => s.OrderLineId == l.Key).Sum(s => s.Quantity) == l.Value);
        return (lines, complete);
    }

    /// <summary>Units of each line not in any parcel yet.</summary>
    public static Dictionary<int, int> Left(Order order, IEnumerable<Shipment> earlier)
    {
        var shipped = earlier.SelectMany(s => s.Lines).GroupBy(l => l.OrderLineId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        return order.Lines.ToDictionary(l => l.Id, l => l.Quantity - shipped.GetValueOrDefault(l.Id));
    }
}
