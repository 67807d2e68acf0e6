namespace MallPortal.Core.Notifications;

/// <summary>
/// Asks the dispatcher to run now rather than at its next tick (a verification code should not
/// wait). The web app triggers the Quartz job; without a scheduler it does nothing.
/// </summary>
public interface IOutboxSignal
{
    void Kick();
}

internal sealed class NoOutboxSignal : IOutboxSignal
{
    public void Kick()
    {
    }
}
