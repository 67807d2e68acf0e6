namespace MallPortal.Core.Orders.Payments.Bills;

/// <summary>A payment the shop counts as paid on the bill's day, or a refund it counts as paid back.</summary>
public sealed record BookedLine(BillLineKind Kind, string PaymentNumber, string? RefundNumber, long Fen);

/// <summary>One difference found, before it is stored.</summary>
public sealed record BillMismatch(BillDifferenceKind Kind, string PaymentNumber, string? RefundNumber, long? GatewayFen, long? LocalFen);

/// <summary>Compares a day's bill with the shop's books, line by line (payments by payment number, refunds by refund number).</summary>
public static class BillComparer
{
    public static IReadOnlyList<BillMismatch> Compare(IReadOnlyList<BillLine> bill, IReadOnlyList<BookedLine> books)
    {
        var found = new List<BillMismatch>();
        Match(BillLineKind.Payment, l => l.PaymentNumber, b => b.PaymentNumber, BillDifferenceKind.PaidOnlyAtGateway, BillDifferenceKind.PaidOnlyHere,
            BillDifferenceKind.PaymentAmountDiffers);
        Match(BillLineKind.Refund, l => l.RefundNumber ?? "", b => b.RefundNumber ?? "", BillDifferenceKind.RefundOnlyAtGateway, BillDifferenceKind.RefundOnlyHere,
            BillDifferenceKind.RefundAmountDiffers);
        return found;

        void Match(BillLineKind kind, Func<BillLine, string> billKey, Func<BookedLine, string> bookKey, BillDifferenceKind onlyThere, BillDifferenceKind onlyHere,
            BillDifferenceKind differs)
        {
            var there = bill.Where(l => l.Kind == kind).GroupBy(billKey).ToDictionary(g => g.Key, g => (Line: g.First(), Fen: g.Sum(l => l.Amount.Fen)));
            var here = books.Where(b => b.Kind == kind).GroupBy(bookKey).ToDictionary(g => g.Key, g => (Line: g.First(), Fen: g.Sum(b => b.Fen)));
            foreach (var (key, (line, fen)) in there.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                if (!here.TryGetValue(key, out var booked))
                {
                    found.Add(new BillMismatch(onlyThere, line.PaymentNumber, line.RefundNumber, fen, null));
                }
                else if (booked.Fen != fen)
                {
                    found.Add(new BillMismatch(differs, line.PaymentNumber, line.RefundNumber, fen, booked.Fen));
                }
            }
            found.AddRange(here.Where(h => !there.ContainsKey(h.Key)).OrderBy(h => h.Key, StringComparer.Ordinal)
                .Select(h => new BillMismatch(onlyHere, h.Value.Line.PaymentNumber, h.Value.Line.RefundNumber, null, h.Value.Fen)));
        }
    }
}
