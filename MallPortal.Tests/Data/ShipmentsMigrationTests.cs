using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Shipping;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Data;

/// <summary>Orders written before the Shipments migration: the flat address is split and the one tracking number becomes parcel 1.</summary>
public class ShipmentsMigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Old_orders_get_their_address_in_fields_and_their_tracking_number_as_the_first_parcel(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = await db.ContextAsync())
        {
            await context.GetService<IMigrator>().MigrateAsync("OrderConveniences");
            await context.Database.OpenConnectionAsync();
            // Rows as the old schema held them, without their users and payments (not what this migration is about).
            await context.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = OFF;" : "SET session_replication_role = replica;");
            await context.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Shops" ("Id", "OwnerUserId", "Name", "Description", "ServicePhone", "CreatedAt", "ShippingFee", "ServiceFeeBp")
                VALUES (9001, 77, '旧店', '', '', '2026-11-01 00:00:00', 0, 0);
                INSERT INTO "ShippingAddresses" ("UserId", "RecipientName", "Mobile", "Province", "City", "District", "Detail", "IsDefault", "CreatedAt")
                VALUES (88, '陈静', '13800000021', '广东省', '深圳市', '南山区', '科技园科苑路 15 号', TRUE, '2026-11-01 00:00:00');
                INSERT INTO "Orders" ("Id", "Number", "BuyerUserId", "ShopId", "PaymentId", "PaymentMethod", "Status", "ItemsTotal", "ShippingFee", "TotalFen",
                    "Note", "RecipientName", "RecipientMobile", "ShippingAddress", "Carrier", "TrackingNumber", "PlacedAt", "PayBy", "ShippedAt", "CompletedAt", "Version")
                VALUES
                    (9101, 'OLD1', 88, 9001, 1, 'sandbox', 'Completed', 100, 0, 100, '', '陈静', '13800000021', '广东省深圳市南山区科技园科苑路 15 号',
                     '顺丰速运', 'SF1000000001', '2026-11-02 00:00:00', '2026-11-02 00:30:00', '2026-11-03 00:00:00', '2026-11-05 00:00:00', 3),
                    (9102, 'OLD2', 88, 9001, 1, 'sandbox', 'PendingReceipt', 100, 0, 100, '', '陈静', '13800000021', '北京市东城区东直门南大街 1 号',
                     '极兔速递', 'JT0000000000002', '2026-11-02 00:00:00', '2026-11-02 00:30:00', '2026-11-03 00:00:00', NULL, 2),
                    (9103, 'OLD3', 88, 9001, 1, 'cod', 'PendingShipment', 100, 0, 100, '', '陈静', '13800000021', '火星基地 1 号',
                     NULL, NULL, '2026-11-02 00:00:00', '2026-11-02 00:30:00', NULL, NULL, 1);
                INSERT INTO "OrderLines" ("OrderId", "ProductId", "SkuId", "Title", "SpecText", "UnitPrice", "Quantity", "Amount")
                VALUES (9101, 1, 1, '音箱', '', 50, 2, 100), (9102, 1, 1, '音箱', '', 100, 1, 100), (9103, 1, 1, '音箱', '', 100, 1, 100);
                """);
        }
        await using (var scope = db.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        await using var migrated = await db.ContextAsync();
        var orders = await migrated.Orders.AsNoTracking().Where(o => o.Id > 9100).OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(
            [("广东省", "深圳市", "南山区", "科技园科苑路 15 号"), ("北京市", "北京市", "东城区", "东直门南大街 1 号"), ("", "", "", "火星基地 1 号")],
            orders.Select(o => (o.RecipientProvince, o.RecipientCity, o.RecipientDistrict, o.RecipientStreet)));
        Assert.Equal("广东省深圳市南山区科技园科苑路 15 号", orders[0].ShippingAddress);
        var parcels = await migrated.Shipments.Include(s => s.Lines).AsNoTracking().Where(s => s.OrderId > 9100).OrderBy(s => s.OrderId).ToListAsync();
        Assert.Equal([(9101, 1, "shunfeng", "SF1000000001", ShipmentStatus.Signed, 2), (9102, 1, "jtexpress", "JT0000000000002", ShipmentStatus.AwaitingPickup, 1)],
            parcels.Select(p => (p.OrderId, p.Sequence, p.CarrierCode, p.TrackingNumber, p.Status, p.Lines.Single().Quantity)));
        Assert.All(parcels, p => Assert.Equal((TrackingMode.Manual, 77, 24), (p.Tracking, p.ShippedByUserId, p.Salt.Length)));
        Assert.NotEqual(parcels[0].Salt, parcels[1].Salt);
    }
}
