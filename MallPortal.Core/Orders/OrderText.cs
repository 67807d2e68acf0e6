using System.Globalization;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Orders;

/// <summary>Display names of statuses, steps and timeline events, in the current UI language.</summary>
public static class OrderText
{
    public static string Status(OrderStatus status) => Get($"OrderStatus_{status}");

    public static string Trigger(OrderTrigger trigger) => Get($"OrderTrigger_{trigger}");

    public static string Event(OrderEventKind kind) => Get($"OrderEvent_{kind}");

    private static string Get(string key) => CoreText.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
