namespace MallPortal.Core.Catalog;

/// <summary>How a SKU's spec choices are written ("颜色:曜石黑;尺码:M") and matched back.</summary>
public static class SkuText
{
    public static string Format(IEnumerable<SpecChoice> choices) => string.Join(";", choices.Select(c => $"{c.Spec}:{c.Value}"));

    /// <summary>How people read it: "颜色:曜石黑 / 尺码:M".</summary>
    public static string Display(string specText) => specText.Replace(";", " / ");

    /// <summary>The SKU the shopper picked once a value is chosen for every spec; null until then.</summary>
    public static SkuOption? Match(IReadOnlyList<SpecDefinition> specs, IReadOnlyList<SkuOption> skus, IReadOnlyDictionary<string, string> chosen)
    {
        if (specs.Count == 0)
        {
            return skus.FirstOrDefault();
        }
        if (specs.Any(s => !chosen.ContainsKey(s.Name)))
        {
            return null;
        }
        var text = Format(specs.Select(s => new SpecChoice(s.Name, chosen[s.Name])));
        return skus.FirstOrDefault(s => s.SpecText == text);
    }
}
