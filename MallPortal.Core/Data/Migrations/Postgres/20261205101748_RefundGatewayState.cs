using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RefundGatewayState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "GatewaySettledAt",
                table: "Refunds",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GatewayState",
                table: "Refunds",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "HandNote",
                table: "Refunds",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HandSettledByUserId",
                table: "Refunds",
                type: "integer",
                nullable: true);

            // Refunds so far were paid back by the provider at once (sandbox, Alipay) or involved no provider money.
            migrationBuilder.Sql("""UPDATE "Refunds" SET "GatewayState" = 'Succeeded', "GatewaySettledAt" = "DecidedAt" WHERE "GatewayRefundNo" IS NOT NULL""");

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_GatewayState",
                table: "Refunds",
                column: "GatewayState");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Refunds_GatewayState",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "GatewaySettledAt",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "GatewayState",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "HandNote",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "HandSettledByUserId",
                table: "Refunds");
        }
    }
}
