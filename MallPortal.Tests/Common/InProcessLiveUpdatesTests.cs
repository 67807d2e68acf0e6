using MallPortal.Features.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace MallPortal.Tests.Common;

public class InProcessLiveUpdatesTests
{
    private sealed record StockChanged(int SkuId, int Available);

    private sealed record OrderPaid(string OrderNumber);

    [Fact]
    public async Task Subscribers_of_a_message_type_receive_it_until_they_dispose()
    {
        var live = new InProcessLiveUpdates(NullLogger<InProcessLiveUpdates>.Instance);
        var seen = new List<StockChanged>();
        var paid = 0;
        var subscription = live.Subscribe<StockChanged>(m => { seen.Add(m); return Task.CompletedTask; });
        using var other = live.Subscribe<OrderPaid>(_ => { paid++; return Task.CompletedTask; });

        await live.PublishAsync(new StockChanged(7, 3));
        subscription.Dispose();
        await live.PublishAsync(new StockChanged(7, 2));

        Assert.Equal([new StockChanged(7, 3)], seen);
        Assert.Equal(0, paid);
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_fail_the_publisher_or_the_others()
    {
        var live = new InProcessLiveUpdates(NullLogger<InProcessLiveUpdates>.Instance);
        var delivered = 0;
        using var broken = live.Subscribe<OrderPaid>(_ => throw new InvalidOperationException("closed page"));
        using var healthy = live.Subscribe<OrderPaid>(_ => { delivered++; return Task.CompletedTask; });

        await live.PublishAsync(new OrderPaid("M20261126001"));

        Assert.Equal(1, delivered);
    }
}
