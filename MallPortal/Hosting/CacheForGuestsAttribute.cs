namespace MallPortal.Hosting;

/// <summary>
/// Marks a shop page whose prerendered HTML a guest may be served from the output cache (see <see cref="PageCaching"/>).
/// Only for pages that show the same thing to every guest and whose prerender has no side effects.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CacheForGuestsAttribute : Attribute;
