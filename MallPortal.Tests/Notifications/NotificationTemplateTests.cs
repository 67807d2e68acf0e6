using MallPortal.Core.Notifications;

namespace MallPortal.Tests.Notifications;

public class NotificationTemplateTests
{
    public static TheoryData<string> Keys => new(NotificationTemplates.All.Select(t => t.Key));

    [Theory, MemberData(nameof(Keys))]
    public void No_secret_ever_stands_in_a_title_or_subject(string key)
    {
        var template = NotificationTemplates.All.Single(t => t.Key == key);
        if (template.SecretParameter is { } secret)
        {
            Assert.DoesNotContain("{" + secret + "}", template.Title + template.EmailSubject);
        }
    }

    [Fact]
    public void Placeholders_are_filled_and_unknown_ones_left_visible() =>
        Assert.Equal("订单 M1 已发货 {carrier}",
            NotificationTemplate.Fill("订单 {order} 已发货 {carrier}", new Dictionary<string, string> { ["order"] = "M1" }));

    [Fact]
    public void Every_template_has_a_unique_key() =>
        Assert.Equal(NotificationTemplates.All.Count, NotificationTemplates.All.Select(t => t.Key).Distinct().Count());
}
