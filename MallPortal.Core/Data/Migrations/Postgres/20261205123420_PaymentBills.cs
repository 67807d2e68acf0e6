using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Gateway = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    FileName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Payments = table.Column<int>(type: "integer", nullable: false),
                    PaymentsFen = table.Column<long>(type: "bigint", nullable: false),
                    Refunds = table.Column<int>(type: "integer", nullable: false),
                    RefundsFen = table.Column<long>(type: "bigint", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedByUserId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentBills", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BillDifferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BillId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PaymentNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RefundNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    GatewayFen = table.Column<long>(type: "bigint", nullable: true),
                    LocalFen = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResolvedByUserId = table.Column<int>(type: "integer", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
