namespace MallPortal.Core.Data.Migrations;

/// <summary>
/// The data half of the Shipments migration, for both providers: each order's flat address is split by the buyer's
/// address book entry it was copied from (what is not found there is split by the region catalog at start-up, see
/// <see cref="Orders.RecipientBackfill"/>), and each order's one carrier and tracking number becomes its parcel 1.
/// </summary>
internal static class ShipmentsData
{
    private const string Match = """
        a."UserId" = "Orders"."BuyerUserId"
        AND a."Province" || CASE WHEN a."City" = a."Province" THEN '' ELSE a."City" END || a."District" || a."Detail" = "Orders"."RecipientStreet"
        ORDER BY a."Id" DESC LIMIT 1
        """;

    public const string SplitRecipients = $"""
        UPDATE "Orders" SET
            "RecipientProvince" = COALESCE((SELECT a."Province" FROM "ShippingAddresses" a WHERE {Match}), ''),
            "RecipientCity" = COALESCE((SELECT a."City" FROM "ShippingAddresses" a WHERE {Match}), ''),
            "RecipientDistrict" = COALESCE((SELECT a."District" FROM "ShippingAddresses" a WHERE {Match}), ''),
            "RecipientStreet" = COALESCE((SELECT a."Detail" FROM "ShippingAddresses" a WHERE {Match}), "RecipientStreet");
        """;

    /// <summary>The carrier names the old ship form offered, as carrier codes; anything else is 其他快递.</summary>
    private const string CarrierCode = """
        CASE o."Carrier" WHEN '顺丰速运' THEN 'shunfeng' WHEN '中通快递' THEN 'zhongtong' WHEN '圆通速递' THEN 'yuantong'
            WHEN '韵达快递' THEN 'yunda' WHEN '申通快递' THEN 'shentong' WHEN '极兔速递' THEN 'jtexpress' WHEN '京东物流' THEN 'jd'
            WHEN '中国邮政 EMS' THEN 'ems' WHEN '德邦快递' THEN 'debangkuaidi' ELSE 'other' END
        """;

    public const string DropOldTrackingColumns = """
        ALTER TABLE "Orders" DROP COLUMN "Carrier";
        ALTER TABLE "Orders" DROP COLUMN "TrackingNumber";
        """;

    public const string SqliteSalt = "upper(hex(randomblob(12)))";

    public const string PostgresSalt = "upper(substr(md5(random()::text || o.\"Id\"), 1, 24))";

    /// <summary>Earlier parcels were never followed by a provider: their trace is typed by hand; a received order's parcel counts as signed.</summary>
    public static string ParcelsFromOrders(string randomSalt) => $"""
        INSERT INTO "Shipments" ("OrderId", "ShopId", "Sequence", "CarrierCode", "TrackingNumber", "ShippedAt", "ShippedByUserId", "Status",
            "SignedAt", "Problem", "Tracking", "SubscribeAttempts", "TrackingEnded", "Salt", "Version")
        SELECT o."Id", o."ShopId", 1, {CarrierCode}, o."TrackingNumber", COALESCE(o."ShippedAt", o."PlacedAt"),
            (SELECT s."OwnerUserId" FROM "Shops" s WHERE s."Id" = o."ShopId"),
            CASE WHEN o."Status" = 'Completed' THEN 'Signed' ELSE 'AwaitingPickup' END,
            CASE WHEN o."Status" = 'Completed' THEN o."CompletedAt" ELSE NULL END,
            'None', 'Manual', 0, FALSE, {randomSalt}, 0
        FROM "Orders" o WHERE o."TrackingNumber" IS NOT NULL;
        INSERT INTO "ShipmentLines" ("ShipmentId", "OrderLineId", "Quantity")
        SELECT p."Id", l."Id", l."Quantity" FROM "Shipments" p JOIN "OrderLines" l ON l."OrderId" = p."OrderId";
        """;
}
