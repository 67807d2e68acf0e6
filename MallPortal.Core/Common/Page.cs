namespace MallPortal.Core.Common;

/// <summary>One page of a list paged in SQL, with the total count for the pager.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
