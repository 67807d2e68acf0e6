using Microsoft.AspNetCore.Components;

namespace MallPortal.Features.Analytics;

/// <summary>The analytics pages serve both the merchant and the admin: links stay in the area a page was opened from.</summary>
public static class AnalyticsArea
{
    public static string Of(NavigationManager navigation) =>
        navigation.ToBaseRelativePath(navigation.Uri).StartsWith("admin", StringComparison.Ordinal) ? "admin" : "merchant";
}
