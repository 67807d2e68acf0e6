namespace MallPortal.Core.Common;

/// <summary>
/// A broken business rule. The message is fit to show the user as it is (taken from
/// <see cref="Resources.CoreText"/> in the current UI culture); pages show it in a snackbar.
/// </summary>
public sealed class DomainException(string message, string? field = null) : Exception(message)
{
    /// <summary>The input field the message belongs to, when there is one.</summary>
    public string? Field { get; } = field;
}
