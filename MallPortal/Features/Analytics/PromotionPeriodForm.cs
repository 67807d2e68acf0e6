using System.ComponentModel.DataAnnotations;
using MallPortal.Core.Analytics;

namespace MallPortal.Features.Analytics;

public sealed class PromotionPeriodForm
{
    [Required(ErrorMessageResourceType = typeof(Resources.UiText), ErrorMessageResourceName = nameof(Resources.UiText.SalesPromotionNameRequired))]
    [StringLength(PromotionPeriod.NameMaxLength, ErrorMessageResourceType = typeof(Resources.UiText), ErrorMessageResourceName = nameof(Resources.UiText.SalesPromotionNameRequired))]
    public string Name { get; set; } = "";

    public DateTime? From { get; set; }

    public DateTime? To { get; set; }

    public PromotionPeriodInput ToInput() =>
        new(Name, From is { } from ? DateOnly.FromDateTime(from) : null, To is { } to ? DateOnly.FromDateTime(to) : null);
}
