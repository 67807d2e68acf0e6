using MallPortal.Core.Common;
using MallPortal.Core.Orders;
using static MallPortal.Core.Orders.OrderStatus;
using static MallPortal.Core.Orders.OrderTrigger;

namespace MallPortal.Tests.Orders;

/// <summary>Every (status, trigger) pair against real orders in each status: the eight steps of the flow, and one refusal for the rest.</summary>
public class OrderTransitionsTests(OrdersInEveryStatus orders) : IClassFixture<OrdersInEveryStatus>
{
    // The order flow as the product defines it (待付款 → 待发货 → 待收货 → 已完成, or 已取消), written out independently of the code's table.
    private static readonly Dictionary<(OrderStatus From, OrderTrigger Trigger), OrderStatus> Flow = new()
    {
        [(PendingPayment, Pay)] = PendingShipment,
        [(PendingPayment, ChooseCashOnDelivery)] = PendingShipment,
        [(PendingPayment, CancelByBuyer)] = Cancelled,
        [(PendingPayment, CloseUnpaid)] = Cancelled,
        [(PendingShipment, Ship)] = PendingReceipt,
        [(PendingShipment, CancelWithRefund)] = Cancelled,
        [(PendingReceipt, ConfirmReceipt)] = Completed,
        [(PendingReceipt, AutoConfirmReceipt)] = Completed,
    };

    private static readonly Dictionary<OrderStatus, string> StatusNames = new()
    {
        [PendingPayment] = "待付款", [PendingShipment] = "待发货", [PendingReceipt] = "待收货", [Completed] = "已完成", [Cancelled] = "已取消",
    };

    private static readonly Dictionary<OrderTrigger, string> TriggerNames = new()
    {
        [Pay] = "支付", [ChooseCashOnDelivery] = "选择货到付款", [CancelByBuyer] = "取消订单", [CloseUnpaid] = "超时关闭",
        [Ship] = "发货", [CancelWithRefund] = "取消并退款", [ConfirmReceipt] = "确认收货", [AutoConfirmReceipt] = "自动确认收货",
    };

    public static TheoryData<OrderStatus, OrderTrigger, OrderStatus> AllowedSteps()
    {
        var data = new TheoryData<OrderStatus, OrderTrigger, OrderStatus>();
        foreach (var ((from, trigger), to) in Flow)
        {
            data.Add(from, trigger, to);
        }
        return data;
    }

    public static TheoryData<OrderStatus, OrderTrigger> ForbiddenSteps()
    {
        var data = new TheoryData<OrderStatus, OrderTrigger>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var trigger in Enum.GetValues<OrderTrigger>().Where(t => !Flow.ContainsKey((from, t))))
            {
                data.Add(from, trigger);
            }
        }
        return data;
    }

    [Fact]
    public void The_table_allows_exactly_the_eight_steps_of_the_order_flow_and_every_pair_is_covered()
    {
        Assert.Equal(Flow.OrderBy(f => f.Key).Select(f => (f.Key.From, f.Key.Trigger, f.Value)),
            OrderTransitions.Allowed.OrderBy(a => (a.From, a.Trigger)));
        Assert.Equal(Enum.GetValues<OrderStatus>().Length * Enum.GetValues<OrderTrigger>().Length, AllowedSteps().Count + ForbiddenSteps().Count);
    }

    [Theory, MemberData(nameof(AllowedSteps))]
    public async Task An_allowed_step_reaches_its_status_and_adds_one_timeline_row(OrderStatus from, OrderTrigger trigger, OrderStatus to)
    {
        var order = await orders.Kit.OrderAsync(orders.Numbers[from]);
        var (events, version, at) = (order.Events.Count, order.Version, orders.Kit.Now.AddMinutes(5));

        order.Apply(trigger, at, actorUserId: 7, note: "测试");

        Assert.True(OrderTransitions.CanApply(from, trigger));
        Assert.Equal(to, order.Status);
        Assert.Equal(version + 1, order.Version);
        Assert.Equal(events + 1, order.Events.Count);
        var row = order.Events[^1];
        Assert.Equal((trigger.ToString(), to, "测试", 7, at), (row.Kind.ToString(), row.StatusAfter, row.Note, row.ActorUserId, row.At));
    }

    [Theory, MemberData(nameof(ForbiddenSteps))]
    public async Task Any_other_step_is_refused_naming_the_current_status_in_chinese_and_changes_nothing(OrderStatus from, OrderTrigger trigger)
    {
        var order = await orders.Kit.OrderAsync(orders.Numbers[from]);
        var before = (order.Status, order.Version, order.Events.Count, order.PaidAt, order.CancelledAt, order.CompletedAt);
        var expected = $"订单当前状态为「{StatusNames[from]}」，不能{TriggerNames[trigger]}";

        var applied = Assert.Throws<DomainException>(() => order.Apply(trigger, orders.Kit.Now, actorUserId: 7));
        var next = Assert.Throws<DomainException>(() => OrderTransitions.Next(from, trigger));

        Assert.False(OrderTransitions.CanApply(from, trigger));
        Assert.Equal(expected, applied.Message);
        Assert.Equal(expected, next.Message);
        Assert.Equal("Status", applied.Field);
        Assert.Equal(before, (order.Status, order.Version, order.Events.Count, order.PaidAt, order.CancelledAt, order.CompletedAt));
        var stored = await orders.Kit.OrderAsync(orders.Numbers[from]);
        Assert.Equal((from, before.Version, before.Count), (stored.Status, stored.Version, stored.Events.Count));
    }
}
