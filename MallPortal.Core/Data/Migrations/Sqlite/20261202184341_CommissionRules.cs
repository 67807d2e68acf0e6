using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommissionRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "GradeId",
                table: "Distributors",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FixedPerUnitFen",
                table: "Commissions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LinePaidFen",
                table: "Commissions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Commissions",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "DistributorGrades",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SettledSalesFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Level1Bp = table.Column<int>(type: "INTEGER", nullable: false),
                    Level2Bp = table.Column<int>(type: "INTEGER", nullable: false),
                    Level3Bp = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributorGrades", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductCommissionRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    ShopId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Level1 = table.Column<long>(type: "INTEGER", nullable: false),
                    Level2 = table.Column<long>(type: "INTEGER", nullable: false),
                    Level3 = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductCommissionRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductCommissionRules_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GradeChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DistributorId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromGradeId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToGradeId = table.Column<int>(type: "INTEGER", nullable: false),
                    SettledSalesFen = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GradeChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GradeChanges_DistributorGrades_ToGradeId",
                        column: x => x.ToGradeId,
                        principalTable: "DistributorGrades",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GradeChanges_Distributors_DistributorId",
                        column: x => x.DistributorId,
                        principalTable: "Distributors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DistributorGrades_Name",
                table: "DistributorGrades",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DistributorGrades_SettledSalesFen",
                table: "DistributorGrades",
                column: "SettledSalesFen",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GradeChanges_DistributorId_At",
                table: "GradeChanges",
                columns: new[] { "DistributorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_GradeChanges_ToGradeId",
                table: "GradeChanges",
                column: "ToGradeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductCommissionRules_ProductId",
                table: "ProductCommissionRules",
                column: "ProductId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductCommissionRules_ShopId",
                table: "ProductCommissionRules",
                column: "ShopId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GradeChanges");

            migrationBuilder.DropTable(
                name: "ProductCommissionRules");

            migrationBuilder.DropTable(
                name: "DistributorGrades");

            migrationBuilder.DropColumn(
                name: "GradeId",
                table: "Distributors");

            migrationBuilder.DropColumn(
                name: "FixedPerUnitFen",
                table: "Commissions");

            migrationBuilder.DropColumn(
                name: "LinePaidFen",
                table: "Commissions");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Commissions");
        }
    }
}
