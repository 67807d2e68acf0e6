using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    PaymentNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DeviceHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    NetworkHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "PaymentReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PaymentId = table.Column<int>(type: "integer", nullable: false),
                    Signals = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HeldAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Rule = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: true),
                    PaymentNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    OrderNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorUserId = table.Column<int>(type: "integer", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    HoldAboveFen = table.Column<long>(type: "bigint", nullable: false),
                    AttemptLimit = table.Column<int>(type: "integer", nullable: false),
                    AttemptWindowMinutes = table.Column<int>(type: "integer", nullable: false),
                    SharedAccountLimit = table.Column<int>(type: "integer", nullable: false),
                    SharedWindowHours = table.Column<int>(type: "integer", nullable: false),
                    Salt = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShopRiskLimits",
                columns: table => new
                {
                    ShopId = table.Column<int>(type: "integer", nullable: false),
                    HoldAboveFen = table.Column<long>(type: "bigint", nullable: false)
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
