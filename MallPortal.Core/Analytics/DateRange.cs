using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Analytics;

/// <summary>A range of business-local days, both ends included.</summary>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    /// <summary>The longest range a report covers (three years), so one request cannot sum the whole history day by day.</summary>
    public const int MaxDays = 3 * 366;

    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public int Length => To.DayNumber - From.DayNumber + 1;

    public IEnumerable<DateOnly> Days()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>The same number of days just before this range.</summary>
    public DateRange Before() => new(From.AddDays(-Length), From.AddDays(-1));

    /// <summary>同比: the same dates a year earlier (29 February becomes the 28th).</summary>
    public DateRange YearBefore() => new(From.AddYears(-1), To.AddYears(-1));

    /// <summary>A range someone typed: refused with a message when reversed, before 2000 or longer than three years.</summary>
    public static DateRange Checked(DateOnly? from, DateOnly? to)
    {
        if (from is not { } start || to is not { } end)
        {
            throw new DomainException(CoreText.RangeRequired, nameof(From));
        }
        if (start > end)
        {
            throw new DomainException(CoreText.RangeReversed, nameof(From));
        }
        if (start < Earliest || end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            throw new DomainException(string.Format(CoreText.RangeTooLong, MaxDays / 366), nameof(To));
        }
        return new DateRange(start, end);
    }

    public override string ToString() => From == To ? From.ToString("yyyy-MM-dd") : $"{From:yyyy-MM-dd} ~ {To:yyyy-MM-dd}";
}
