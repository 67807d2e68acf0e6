using MallPortal.Core.Common;
using Microsoft.AspNetCore.Components.Forms;

namespace MallPortal.Components.Account;

/// <summary>
/// Puts a rule's message under the form field it belongs to (the form's values stay as typed).
/// Core names fields by its own words (Login, Code, Password ...); the form model uses the same.
/// </summary>
internal sealed class FormErrors(EditContext context, string fallbackField)
{
    private readonly ValidationMessageStore _store = new(context);

    public void Show(DomainException error) => Show(error.Field ?? fallbackField, error.Message);

    public void Show(string field, string message)
    {
        var target = context.Model.GetType().GetProperty(field) is null ? fallbackField : field;
        _store.Add(context.Field(target), message);
        context.NotifyValidationStateChanged();
    }

    public void Clear()
    {
        _store.Clear();
        context.NotifyValidationStateChanged();
    }
}
