using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderConveniences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "HiddenByBuyerAt",
                table: "Orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReceiptExtendedAt",
                table: "Orders",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HiddenByBuyerAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ReceiptExtendedAt",
                table: "Orders");
        }
    }
}
