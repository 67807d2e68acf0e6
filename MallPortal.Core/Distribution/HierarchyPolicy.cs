using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Distribution;

/// <summary>The rules of the chain: ancestors from a materialized path, no cycles, no deeper than the platform allows.</summary>
public static class HierarchyPolicy
{
    /// <summary>The ids on a path from the root down to (and including) its owner: "/3/8/15/" → [3, 8, 15].</summary>
    public static IReadOnlyList<int> IdsOf(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();

    /// <summary>The upline nearest first, at most <paramref name="levels"/> ids: "/3/8/15/", 2 → [8, 3].</summary>
    public static IReadOnlyList<int> UplineOf(string path, int levels)
    {
        var ids = IdsOf(path);
        return ids.Take(ids.Count - 1).Reverse().Take(levels).ToList();
    }

    /// <summary>
    /// Throws unless moving the subtree rooted at <paramref name="subjectPath"/> (whose deepest member sits at
    /// <paramref name="deepestDepth"/>) under <paramref name="newParentPath"/> keeps it acyclic and within <paramref name="maxDepth"/>.
    /// </summary>
    public static void CheckMove(int subjectId, string subjectPath, int subjectDepth, int deepestDepth, int? newParentId, string? newParentPath,
        int newParentDepth, int maxDepth)
    {
        if (newParentId == subjectId)
        {
            throw new DomainException(CoreText.HierarchySelf, "ParentId");
        }
        if (newParentPath is not null && newParentPath.StartsWith(subjectPath, StringComparison.Ordinal))
        {
            throw new DomainException(CoreText.HierarchyCycle, "ParentId");
        }
        var newDeepest = deepestDepth - subjectDepth + newParentDepth + 1;
        if (newDeepest > maxDepth)
        {
            throw new DomainException(string.Format(CoreText.HierarchyTooDeep, maxDepth), "ParentId");
        }
    }
}
