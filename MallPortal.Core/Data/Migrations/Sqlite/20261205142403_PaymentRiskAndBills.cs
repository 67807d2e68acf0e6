using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaymentRiskAndBills : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaymentAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    PaymentNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DeviceHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    NetworkHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentAttempts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "PaymentReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PaymentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Signals = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HeldAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentReviews_Payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: true),
                    PaymentNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    HoldAboveFen = table.Column<long>(type: "INTEGER", nullable: false),
                    AttemptLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    AttemptWindowMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    SharedAccountLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    SharedWindowHours = table.Column<int>(type: "INTEGER", nullable: false),
                    Salt = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShopRiskLimits",
                columns: table => new
                {
                    ShopId = table.Column<int>(type: "INTEGER", nullable: false),
                    HoldAboveFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopRiskLimits", x => x.ShopId);
                    table.ForeignKey(
                        name: "FK_ShopRiskLimits_Shops_ShopId",
                        column: x => x.ShopId,
                        principalTable: "Shops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_PaymentAttempts_DeviceHash_At",
                table: "PaymentAttempts",
                columns: new[] { "DeviceHash", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentAttempts_NetworkHash_At",
                table: "PaymentAttempts",
                columns: new[] { "NetworkHash", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentAttempts_PaymentNumber",
                table: "PaymentAttempts",
                column: "PaymentNumber");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentAttempts_UserId_At",
                table: "PaymentAttempts",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentBills_Gateway_Day",
                table: "PaymentBills",
                columns: new[] { "Gateway", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentReviews_PaymentId",
                table: "PaymentReviews",
                column: "PaymentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentReviews_Status_HeldAt",
                table: "PaymentReviews",
                columns: new[] { "Status", "HeldAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskEvents_At",
                table: "RiskEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_RiskEvents_Rule_At",
                table: "RiskEvents",
                columns: new[] { "Rule", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskEvents_UserId_Action_At",
                table: "RiskEvents",
                columns: new[] { "UserId", "Action", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BillDifferences");

            migrationBuilder.DropTable(
                name: "PaymentAttempts");

            migrationBuilder.DropTable(
                name: "PaymentReviews");

            migrationBuilder.DropTable(
                name: "RiskEvents");

            migrationBuilder.DropTable(
                name: "RiskSettings");

            migrationBuilder.DropTable(
                name: "ShopRiskLimits");

            migrationBuilder.DropTable(
                name: "PaymentBills");
        }
    }
}
