using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Catalog;

/// <summary>The (small, three-level) category tree, built in memory.</summary>
public static class CategoryTree
{
    public static IReadOnlyList<CategoryNode> Build(IReadOnlyList<Category> all)
    {
        IReadOnlyList<CategoryNode> ChildrenOf(int? parentId) =>
            all.Where(c => c.ParentId == parentId).Select(c => new CategoryNode(c.Id, c.Name, c.Level, c.IsVisible, ChildrenOf(c.Id))).ToList();
        return ChildrenOf(null);
    }

    public static async Task<List<int>> SelfAndDescendantsAsync(MallDbContext db, int categoryId, CancellationToken cancellationToken)
    {
        var links = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToListAsync(cancellationToken);
        var result = new List<int> { categoryId };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(links.Where(l => l.ParentId == result[i]).Select(l => l.Id));
        }
        return result;
    }
}

public sealed record CategoryNode(int Id, string Name, int Level, bool IsVisible, IReadOnlyList<CategoryNode> Children)
{
    public IEnumerable<CategoryNode> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}
