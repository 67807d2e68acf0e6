namespace MallPortal.Tests.Security;

/// <summary>
/// The payloads of xss-payloads.txt, numbered by their position (1-based), and what was stored where: every field a
/// person types records the payload numbers it received, so the test can print field × payload pairs.
/// </summary>
public sealed class XssCorpus
{
    private readonly Dictionary<string, SortedSet<int>> _stored = [];

    private XssCorpus(IReadOnlyList<string> payloads) => Payloads = payloads;

    public IReadOnlyList<string> Payloads { get; }

    public IReadOnlyDictionary<string, SortedSet<int>> Stored => _stored;

    public int PairCount => _stored.Values.Sum(s => s.Count);

    public static XssCorpus Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Security", "xss-payloads.txt");
        var payloads = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        return new XssCorpus(payloads);
    }

    public string this[int number] => Payloads[number - 1];

    public IEnumerable<int> Numbers => Enumerable.Range(1, Payloads.Count);

    /// <summary>The payload itself when it fits the field, else <paramref name="fallback"/> (recorded only in the first case).</summary>
    public string Fit(string field, int number, int maxLength, string fallback)
    {
        if (this[number].Trim().Length > maxLength)
        {
            return fallback;
        }
        Record(field, number);
        return this[number];
    }

    public void Record(string field, IEnumerable<int> numbers)
    {
        foreach (var number in numbers)
        {
            Record(field, number);
        }
    }

    public void Record(string field, int number)
    {
        if (!_stored.TryGetValue(field, out var set))
        {
            _stored[field] = set = [];
        }
        set.Add(number);
    }

    /// <summary>
    /// All payloads, joined by a space into texts of at most <paramref name="maxLength"/> characters each (a payload
    /// longer than the field is left out), for plain-text fields that can carry several.
    /// </summary>
    public List<(string Text, List<int> Numbers)> Pack(int maxLength)
    {
        var packs = new List<(string Text, List<int> Numbers)>();
        var text = "";
        var numbers = new List<int>();
        foreach (var n in Numbers.Where(n => this[n].Trim().Length <= maxLength))
        {
            if (text.Length > 0 && text.Length + 1 + this[n].Length > maxLength)
            {
                packs.Add((text, numbers));
                (text, numbers) = ("", []);
            }
            text = text.Length == 0 ? this[n] : text + " " + this[n];
            numbers.Add(n);
        }
        if (numbers.Count > 0)
        {
            packs.Add((text, numbers));
        }
        return packs;
    }
}
