using MallPortal.Resources;

namespace MallPortal.Components.Shared;

/// <summary>How long something has waited, said the way a merchant reads it: 2 天 3 小时, 5 小时, 不到 1 小时.</summary>
public static class WaitText
{
    public static string Of(TimeSpan wait) => wait switch
    {
        { TotalHours: < 1 } => UiText.WaitUnderAnHour,
        { TotalDays: < 1 } => string.Format(UiText.WaitHours, (int)wait.TotalHours),
        _ => string.Format(UiText.WaitDaysHours, wait.Days, wait.Hours),
    };
}
