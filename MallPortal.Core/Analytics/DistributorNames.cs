using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics;

/// <summary>Who the distributors of a report are: name, region (the province, the first part of what they gave) and grade today.</summary>
internal static class DistributorNames
{
    public sealed record Person(string Name, string Region, string Grade);

    public static async Task<IReadOnlyDictionary<int, Person>> OfAsync(MallDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var rows = await (from d in db.Distributors
                          where ids.Contains(d.Id)
                          from g in db.DistributorGrades.Where(g => g.Id == d.GradeId).DefaultIfEmpty()
                          select new { d.Id, d.Name, d.Region, Grade = g == null ? null : g.Name }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new Person(r.Name, Province(r.Region), r.Grade ?? Resources.CoreText.SalesNoGrade));
    }

    private static string Province(string region)
    {
        var first = region.Split([' ', '/', '·'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return string.IsNullOrEmpty(first) ? Resources.CoreText.SalesUnknownProvince : first;
    }
}
