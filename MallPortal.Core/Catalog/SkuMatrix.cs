using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Catalog;

/// <summary>
/// Specs (颜色: 红, 蓝 × 尺码: S, M) become the SKU matrix: every combination, in the order the
/// merchant listed the values, so the editor's rows stay where people expect them.
/// </summary>
public static class SkuMatrix
{
    public const int MaxSpecs = 3;
    public const int MaxValuesPerSpec = 20;
    public const int MaxSkus = 200;

    public static IReadOnlyList<IReadOnlyList<SpecChoice>> Combine(IReadOnlyList<SpecDefinition> specs)
    {
        Validate(specs);
        IReadOnlyList<IReadOnlyList<SpecChoice>> rows = [[]];
        foreach (var spec in specs)
        {
            rows = rows.SelectMany(row => spec.Values.Select(v => (IReadOnlyList<SpecChoice>)[.. row, new SpecChoice(spec.Name.Trim(), v.Trim())]))
                .ToList();
        }
        return rows;
    }

    private static void Validate(IReadOnlyList<SpecDefinition> specs)
    {
        if (specs.Count > MaxSpecs)
        {
            throw new DomainException(string.Format(CoreText.SpecTooMany, MaxSpecs), "Specs");
        }
        if (specs.Any(s => string.IsNullOrWhiteSpace(s.Name) || s.Values.Count == 0 || s.Values.Any(string.IsNullOrWhiteSpace)))
        {
            throw new DomainException(CoreText.SpecIncomplete, "Specs");
        }
        if (specs.Select(s => s.Name.Trim()).Distinct().Count() != specs.Count
            || specs.Any(s => s.Values.Select(v => v.Trim()).Distinct().Count() != s.Values.Count))
        {
            throw new DomainException(CoreText.SpecDuplicate, "Specs");
        }
        if (specs.Any(s => s.Values.Count > MaxValuesPerSpec)
            || specs.Aggregate(1L, (n, s) => n * s.Values.Count) > MaxSkus)
        {
            throw new DomainException(string.Format(CoreText.SkuTooMany, MaxSkus), "Specs");
        }
    }
}

public sealed record SpecDefinition(string Name, IReadOnlyList<string> Values);

public sealed record SpecChoice(string Spec, string Value);
