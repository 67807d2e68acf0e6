using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AfterSales : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReturnAddress",
                table: "Shops",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AfterSales",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    OrderLineId = table.Column<int>(type: "integer", nullable: false),
                    ShopId = table.Column<int>(type: "integer", nullable: false),
                    BuyerUserId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Photos = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    RefundedAmount = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnCarrierCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ReturnTrackingNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReturnAddress = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RefusalPhotos = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Restocked = table.Column<bool>(type: "boolean", nullable: false),
                    RefundNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AfterSales", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AfterSales_OrderLines_OrderLineId",
                        column: x => x.OrderLineId,
                        principalTable: "OrderLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AfterSales_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AfterSaleEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AfterSaleId = table.Column<int>(type: "integer", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    StatusAfter = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ActorUserId = table.Column<int>(type: "integer", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AfterSaleEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AfterSaleEvent_AfterSales_AfterSaleId",
                        column: x => x.AfterSaleId,
                        principalTable: "AfterSales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AfterSaleMessage",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AfterSaleId = table.Column<int>(type: "integer", nullable: false),
                    Party = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AuthorUserId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AfterSaleMessage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AfterSaleMessage_AfterSales_AfterSaleId",
                        column: x => x.AfterSaleId,
                        principalTable: "AfterSales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSaleEvent_AfterSaleId",
                table: "AfterSaleEvent",
                column: "AfterSaleId");

            migrationBuilder.CreateIndex(
                name: "IX_AfterSaleMessage_AfterSaleId",
                table: "AfterSaleMessage",
                column: "AfterSaleId");

            migrationBuilder.CreateIndex(
                name: "IX_AfterSales_BuyerUserId_CreatedAt",
                table: "AfterSales",
                columns: new[] { "BuyerUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSales_Number",
                table: "AfterSales",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AfterSales_OrderId",
                table: "AfterSales",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_AfterSales_OrderLineId_Status",
                table: "AfterSales",
                columns: new[] { "OrderLineId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSales_ShopId_Status",
                table: "AfterSales",
                columns: new[] { "ShopId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSales_Status_DueAt",
                table: "AfterSales",
                columns: new[] { "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AfterSaleEvent");

            migrationBuilder.DropTable(
                name: "AfterSaleMessage");

            migrationBuilder.DropTable(
                name: "AfterSales");

            migrationBuilder.DropColumn(
                name: "ReturnAddress",
                table: "Shops");
        }
    }
}
