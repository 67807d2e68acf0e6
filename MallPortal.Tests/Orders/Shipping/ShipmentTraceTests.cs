using MallPortal.Core.Orders.Shipping;

namespace MallPortal.Tests.Orders.Shipping;

/// <summary>A parcel's trace as pure rules: each scan once, placed by its time, status from the newest, signed once any scan says so.</summary>
public class ShipmentTraceTests
{
    private static readonly DateTime T0 = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Scans_arriving_out_of_order_are_placed_by_time_and_a_repeat_is_kept_once()
    {
        var parcel = ShipmentFactory.Create();
        var pickUp = Scan(0, "已揽收", TraceState.PickedUp);
        var hub = Scan(5, "到达深圳转运中心", TraceState.InTransit);

        var first = parcel.Absorb([hub], manual: false, T0.AddHours(6));
        var second = parcel.Absorb([pickUp, hub], manual: false, T0.AddHours(7));
        var repeat = parcel.Absorb([pickUp, hub], manual: false, T0.AddHours(8));

        Assert.Equal((1, 1, 0), (first.Added, second.Added, repeat.Added));
        Assert.Equal(["已揽收", "到达深圳转运中心"], parcel.Events.OrderBy(e => e.At).Select(e => e.Context));
        Assert.Equal((ShipmentStatus.InTransit, T0.AddHours(5), "到达深圳转运中心"), (parcel.Status, parcel.LastScanAt, parcel.LastScan));
    }

    [Fact]
    public void Out_for_delivery_and_signed_are_told_once_and_signed_wins_over_a_later_older_scan()
    {
        var parcel = ShipmentFactory.Create();
        var outForDelivery = parcel.Absorb([Scan(1, "揽收", TraceState.PickedUp), Scan(20, "正在派件", TraceState.OutForDelivery)], false, T0);
        var signed = parcel.Absorb([Scan(22, "已签收", TraceState.Signed)], false, T0);
        var late = parcel.Absorb([Scan(10, "到达转运中心", TraceState.InTransit), Scan(21, "再次派件", TraceState.OutForDelivery)], false, T0);

        Assert.Equal((true, false), (outForDelivery.OutForDelivery, outForDelivery.Signed));
        Assert.Equal((false, true), (signed.OutForDelivery, signed.Signed));
        Assert.Equal((false, false, 2), (late.OutForDelivery, late.Signed, late.Added));
        Assert.Equal((ShipmentStatus.Signed, T0.AddHours(22)), (parcel.Status, parcel.SignedAt));
    }

    [Fact]
    public void A_refused_parcel_raises_a_problem_once_and_the_merchant_handles_it_with_a_note()
    {
        var parcel = ShipmentFactory.Create();
        var refused = parcel.Absorb([Scan(1, "收件人拒收", TraceState.Refused)], false, T0);
        var returning = parcel.Absorb([Scan(2, "退回中", TraceState.Returned)], false, T0);

        Assert.Equal((ShipmentProblem.Returned, (ShipmentProblem?)null), (refused.Problem, returning.Problem));
        Assert.Equal((ShipmentStatus.Returned, ShipmentProblem.Returned), (parcel.Status, parcel.Problem));
        Assert.Throws<Core.Common.DomainException>(() => parcel.HandleProblem(" ", T0));
        parcel.HandleProblem("已联系买家，重新发货", T0.AddHours(3));
        Assert.Equal(ShipmentProblem.None, parcel.Problem);
        Assert.Throws<Core.Common.DomainException>(() => parcel.HandleProblem("再处理一次", T0.AddHours(4)));
    }

    [Fact]
    public void A_parcel_silent_for_three_days_is_flagged_once_and_a_new_scan_clears_it()
    {
        var parcel = ShipmentFactory.Create(shippedAt: T0);
        Assert.False(parcel.FlagIfSilent(T0.AddDays(3).AddMinutes(-1), TimeSpan.FromDays(3)));
        Assert.True(parcel.FlagIfSilent(T0.AddDays(3), TimeSpan.FromDays(3)));
        Assert.False(parcel.FlagIfSilent(T0.AddDays(4), TimeSpan.FromDays(3)));
        Assert.Equal(ShipmentProblem.NoScan, parcel.Problem);

        parcel.Absorb([Scan(80, "到达转运中心", TraceState.InTransit)], false, T0.AddDays(4));
        Assert.Equal(ShipmentProblem.None, parcel.Problem);
    }

    private static TraceInput Scan(int hours, string context, TraceState state) => new(T0.AddHours(hours), context, null, state);
}

internal static class ShipmentFactory
{
    public static Shipment Create(DateTime? shippedAt = null) =>
        new(1, 1, 1, Carriers.Find("shunfeng")!, "SF1234567890123", [new ShipmentLine(1, 1)], null, shippedAt ?? new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), 1);
}
