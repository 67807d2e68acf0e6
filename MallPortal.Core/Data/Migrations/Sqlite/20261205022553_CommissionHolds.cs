using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommissionHolds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hold",
                table: "Commissions",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "HoldNote",
                table: "Commissions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HoldReviewedAt",
                table: "Commissions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HoldReviewedByUserId",
                table: "Commissions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Risk",
                table: "Commissions",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.CreateTable(
                name: "SignInTraces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    DeviceHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    NetworkHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInTraces", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignInTraces_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Commissions_Hold",
                table: "Commissions",
                column: "Hold");

            migrationBuilder.CreateIndex(
                name: "IX_SignInTraces_UserId_At",
                table: "SignInTraces",
                columns: new[] { "UserId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInTraces");

            migrationBuilder.DropIndex(
                name: "IX_Commissions_Hold",
                table: "Commissions");

            migrationBuilder.DropColumn(
                name: "Hold",
                table: "Commissions");

            migrationBuilder.DropColumn(
                name: "HoldNote",
                table: "Commissions");

            migrationBuilder.DropColumn(
                name: "HoldReviewedAt",
                table: "Commissions");

            migrationBuilder.DropColumn(
                name: "HoldReviewedByUserId",
                table: "Commissions");

            migrationBuilder.DropColumn(
                name: "Risk",
                table: "Commissions");
        }
    }
}
