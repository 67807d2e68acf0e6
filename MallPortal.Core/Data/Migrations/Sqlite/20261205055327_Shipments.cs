using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Shipments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ShippingAddress",
                table: "Orders",
                newName: "RecipientStreet");

            migrationBuilder.AddColumn<string>(
                name: "RecipientCity",
                table: "Orders",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RecipientDistrict",
                table: "Orders",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RecipientProvince",
                table: "Orders",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "Shipments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    ShopId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CarrierCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ShippedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ShippedByUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastScanAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastScan = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProblemSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProblemNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Tracking = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TrackingMessage = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubscribeAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    TrackingEnded = table.Column<bool>(type: "INTEGER", nullable: false),
                    SiteBaseUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Salt = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shipments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Shipments_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SimulatedParcels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Company = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CallbackUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Salt = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Script = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    NextPushAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailedPushes = table.Column<int>(type: "INTEGER", nullable: false),
                    History = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulatedParcels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShipmentLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShipmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderLineId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShipmentLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShipmentLines_OrderLines_OrderLineId",
                        column: x => x.OrderLineId,
                        principalTable: "OrderLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShipmentLines_Shipments_ShipmentId",
                        column: x => x.ShipmentId,
                        principalTable: "Shipments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShipmentTraceEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShipmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Context = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Manual = table.Column<bool>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShipmentTraceEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShipmentTraceEvents_Shipments_ShipmentId",
                        column: x => x.ShipmentId,
                        principalTable: "Shipments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ShipmentLines_OrderLineId",
                table: "ShipmentLines",
                column: "OrderLineId");

            migrationBuilder.CreateIndex(
                name: "IX_ShipmentLines_ShipmentId",
                table: "ShipmentLines",
                column: "ShipmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Shipments_CarrierCode_TrackingNumber",
                table: "Shipments",
                columns: new[] { "CarrierCode", "TrackingNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Shipments_OrderId_Sequence",
                table: "Shipments",
                columns: new[] { "OrderId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Shipments_ShopId_Problem",
                table: "Shipments",
                columns: new[] { "ShopId", "Problem" });

            migrationBuilder.CreateIndex(
                name: "IX_Shipments_Status_LastScanAt",
                table: "Shipments",
                columns: new[] { "Status", "LastScanAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ShipmentTraceEvents_ShipmentId_Fingerprint",
                table: "ShipmentTraceEvents",
                columns: new[] { "ShipmentId", "Fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SimulatedParcels_Company_Number",
                table: "SimulatedParcels",
                columns: new[] { "Company", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SimulatedParcels_NextPushAt",
                table: "SimulatedParcels",
                column: "NextPushAt");

            migrationBuilder.Sql(ShipmentsData.SplitRecipients);
            migrationBuilder.Sql(ShipmentsData.ParcelsFromOrders(ShipmentsData.SqliteSalt));

            // SQLite drops a plain column itself (3.35+); EF's DropColumn would rebuild the table outside the migration's transaction.
            migrationBuilder.Sql(ShipmentsData.DropOldTrackingColumns);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShipmentLines");

            migrationBuilder.DropTable(
                name: "ShipmentTraceEvents");

            migrationBuilder.DropTable(
                name: "SimulatedParcels");

            migrationBuilder.DropTable(
                name: "Shipments");

            migrationBuilder.DropColumn(
                name: "RecipientCity",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "RecipientDistrict",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "RecipientProvince",
                table: "Orders");

            migrationBuilder.RenameColumn(
                name: "RecipientStreet",
                table: "Orders",
                newName: "ShippingAddress");

            migrationBuilder.AddColumn<string>(
                name: "Carrier",
                table: "Orders",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrackingNumber",
                table: "Orders",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }
    }
}
