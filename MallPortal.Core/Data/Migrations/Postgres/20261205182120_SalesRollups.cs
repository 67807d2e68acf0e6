using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SalesRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PromotionPeriods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromotionPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PromotionPeriods_Shops_ShopId",
                        column: x => x.ShopId,
                        principalTable: "Shops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SalesRollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ShopId = table.Column<int>(type: "integer", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Orders = table.Column<int>(type: "integer", nullable: false),
                    Buyers = table.Column<int>(type: "integer", nullable: false),
                    Units = table.Column<int>(type: "integer", nullable: false),
                    SalesFen = table.Column<long>(type: "bigint", nullable: false),
                    Refunds = table.Column<int>(type: "integer", nullable: false),
                    RefundUnits = table.Column<int>(type: "integer", nullable: false),
                    RefundFen = table.Column<long>(type: "bigint", nullable: false),
                    CommissionFen = table.Column<long>(type: "bigint", nullable: false),
                    CommissionBackFen = table.Column<long>(type: "bigint", nullable: false),
                    Visitors = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesRollups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_Status_DecidedAt",
                table: "Refunds",
                columns: new[] { "Status", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PromotionClicks_At",
                table: "PromotionClicks",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_PaidAt_BuyerUserId",
                table: "Orders",
                columns: new[] { "PaidAt", "BuyerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ShopId_PaidAt_BuyerUserId",
                table: "Orders",
                columns: new[] { "ShopId", "PaidAt", "BuyerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionEntries_At_Kind",
                table: "CommissionEntries",
                columns: new[] { "At", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_PromotionPeriods_ShopId_Name",
                table: "PromotionPeriods",
                columns: new[] { "ShopId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SalesRollups_Dimension_Day",
                table: "SalesRollups",
                columns: new[] { "Dimension", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_SalesRollups_ShopId_Dimension_Day_Key",
                table: "SalesRollups",
                columns: new[] { "ShopId", "Dimension", "Day", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PromotionPeriods");

            migrationBuilder.DropTable(
                name: "SalesRollups");

            migrationBuilder.DropIndex(
                name: "IX_Refunds_Status_DecidedAt",
                table: "Refunds");

            migrationBuilder.DropIndex(
                name: "IX_PromotionClicks_At",
                table: "PromotionClicks");

            migrationBuilder.DropIndex(
                name: "IX_Orders_PaidAt_BuyerUserId",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_ShopId_PaidAt_BuyerUserId",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_CommissionEntries_At_Kind",
                table: "CommissionEntries");
        }
    }
}
