using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaymentBills : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaymentBills",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Gateway = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Payments = table.Column<int>(type: "INTEGER", nullable: false),
                    PaymentsFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Refunds = table.Column<int>(type: "INTEGER", nullable: false),
                    RefundsFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedByUserId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentBills", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BillDifferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BillId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PaymentNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RefundNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    GatewayFen = table.Column<long>(type: "INTEGER", nullable: true),
                    LocalFen = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResolvedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillDifferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BillDifferences_PaymentBills_BillId",
                        column: x => x.BillId,
                        principalTable: "PaymentBills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BillDifferences_BillId",
                table: "BillDifferences",
                column: "BillId");

            migrationBuilder.CreateIndex(
                name: "IX_BillDifferences_Status_BillId",
                table: "BillDifferences",
                columns: new[] { "Status", "BillId" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentBills_Gateway_Day",
                table: "PaymentBills",
                columns: new[] { "Gateway", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BillDifferences");

            migrationBuilder.DropTable(
                name: "PaymentBills");
        }
    }
}
