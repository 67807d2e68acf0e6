using MallPortal.Core.Common;

namespace MallPortal.Core.Distribution;

/// <summary>Clicks → unique visitors → registrations → orders → paid amount, with the rates between the steps.</summary>
public sealed record Funnel(int Clicks, int Visitors, int Registrations, int Orders, Money Paid)
{
    public static readonly Funnel Empty = new(0, 0, 0, 0, Money.Zero);

    /// <summary>Visitors who registered, in basis points.</summary>
    public BasisPoints RegistrationRate => Rate(Registrations, Visitors);

    /// <summary>Visitors who ordered, in basis points.</summary>
    public BasisPoints OrderRate => Rate(Orders, Visitors);

    public static Funnel operator +(Funnel a, Funnel b) =>
        new(a.Clicks + b.Clicks, a.Visitors + b.Visitors, a.Registrations + b.Registrations, a.Orders + b.Orders, a.Paid + b.Paid);

    private static BasisPoints Rate(int part, int whole) => new(whole == 0 ? 0 : (int)Math.Min(10_000, part * 10_000L / whole));
}

/// <summary>A range of UTC moments, from inclusive, to exclusive.</summary>
public sealed record Period(DateTime From, DateTime To)
{
    /// <summary>Whole business-local days: from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static Period Days(BusinessTimeZone zone, DateOnly first, DateOnly last) =>
        new(zone.StartOfDayUtc(first), zone.StartOfDayUtc(last.AddDays(1)));
}
