using MallPortal.Core.Resources;

namespace MallPortal.Core.Inventory;

/// <summary>The counted-quantities file: one "SKU code,counted[,reason]" per line; a header line is allowed.</summary>
public static class StocktakeCsv
{
    public static (IReadOnlyList<CountInput> Counts, IReadOnlyList<string> Errors) Parse(string csv, IReadOnlyDictionary<string, int> skuByCode)
    {
        var counts = new List<CountInput>();
        var errors = new List<string>();
        var lines = csv.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim().TrimStart('\uFEFF');
            var cells = text.Split(',').Select(c => c.Trim()).ToArray();
            // Blank lines are skipped, and so is a first line that is a header ("SKU编码,实盘数量").
            if (text.Length == 0 || (i == 0 && cells.Length >= 2 && !int.TryParse(cells[1], out _) && !skuByCode.ContainsKey(cells[0])))
            {
                continue;
            }
            var error = cells.Length is < 2 or > 3 ? CoreText.CsvBadFormat
                : !skuByCode.ContainsKey(cells[0]) ? string.Format(CoreText.CsvUnknownSku, cells[0])
                : !int.TryParse(cells[1], out var counted) || counted < 0 ? string.Format(CoreText.CsvBadQuantity, cells[1])
                : null;
            if (error is not null)
            {
                errors.Add(string.Format(CoreText.CsvBadRow, i + 1, error));
                continue;
            }
            counts.Add(new CountInput(skuByCode[cells[0]], int.Parse(cells[1]), cells.Length == 3 ? cells[2] : null));
        }
        return (counts, errors);
    }
}
