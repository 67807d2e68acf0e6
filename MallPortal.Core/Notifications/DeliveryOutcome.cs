namespace MallPortal.Core.Notifications;

public enum DeliveryOutcome
{
    Sent,
    RateLimited,
    Failed,
}
