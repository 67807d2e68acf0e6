using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Postgres
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "HoldNote",
                table: "Commissions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HoldReviewedAt",
                table: "Commissions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HoldReviewedByUserId",
                table: "Commissions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Risk",
                table: "Commissions",
                type: "character varying(120)",
                maxLength: 120,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.CreateTable(
                name: "SignInTraces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    DeviceHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    NetworkHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
