using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Commissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ServiceFeeBp",
                table: "Shops",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "EstimatedFen",
                table: "Distributors",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "FrozenFen",
                table: "Distributors",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "WithdrawableFen",
                table: "Distributors",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "WithdrawingFen",
                table: "Distributors",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "WithdrawnFen",
                table: "Distributors",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "AutoApproveUpToFen",
                table: "DistributionSettings",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "CommissionCapBp",
                table: "DistributionSettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "DailyWithdrawalLimitFen",
                table: "DistributionSettings",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "MinWithdrawalFen",
                table: "DistributionSettings",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "SettleAfterDays",
                table: "DistributionSettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "WithdrawalFeeBp",
                table: "DistributionSettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CommissionPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopId = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Levels = table.Column<int>(type: "integer", nullable: false),
                    Level1Bp = table.Column<int>(type: "integer", nullable: false),
                    Level2Bp = table.Column<int>(type: "integer", nullable: false),
                    Level3Bp = table.Column<int>(type: "integer", nullable: false),
                    Base = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SelfPurchase = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionPolicies_Shops_ShopId",
                        column: x => x.ShopId,
                        principalTable: "Shops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Commissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    OrderLineId = table.Column<int>(type: "integer", nullable: false),
                    ShopId = table.Column<int>(type: "integer", nullable: false),
                    DistributorId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    BaseFen = table.Column<long>(type: "bigint", nullable: false),
                    RateBp = table.Column<int>(type: "integer", nullable: false),
                    Capped = table.Column<bool>(type: "boolean", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    ReversedFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EstimatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FrozenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SettleAfter = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SettledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commissions_Distributors_DistributorId",
                        column: x => x.DistributorId,
                        principalTable: "Distributors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commissions_OrderLines_OrderLineId",
                        column: x => x.OrderLineId,
                        principalTable: "OrderLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commissions_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrderSettlements",
                columns: table => new
                {
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    ShopId = table.Column<int>(type: "integer", nullable: false),
                    ServiceFeeBp = table.Column<int>(type: "integer", nullable: false),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SettledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderSettlements", x => x.OrderId);
                    table.ForeignKey(
                        name: "FK_OrderSettlements_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SettlementEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopId = table.Column<int>(type: "integer", nullable: false),
                    OrderId = table.Column<int>(type: "integer", nullable: true),
                    OrderLineId = table.Column<int>(type: "integer", nullable: true),
                    WithdrawalId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    To = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementEntries_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SettlementEntries_Shops_ShopId",
                        column: x => x.ShopId,
                        principalTable: "Shops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShopAccounts",
                columns: table => new
                {
                    ShopId = table.Column<int>(type: "integer", nullable: false),
                    PendingFen = table.Column<long>(type: "bigint", nullable: false),
                    WithdrawableFen = table.Column<long>(type: "bigint", nullable: false),
                    WithdrawingFen = table.Column<long>(type: "bigint", nullable: false),
                    WithdrawnFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopAccounts", x => x.ShopId);
                    table.ForeignKey(
                        name: "FK_ShopAccounts_Shops_ShopId",
                        column: x => x.ShopId,
                        principalTable: "Shops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Withdrawals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PayeeKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PayeeId = table.Column<int>(type: "integer", nullable: false),
                    RequestedByUserId = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    FeeFen = table.Column<long>(type: "bigint", nullable: false),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AccountNo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AccountName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    BankName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PayoutReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Withdrawals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommissionEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DistributorId = table.Column<int>(type: "integer", nullable: false),
                    WithdrawalId = table.Column<int>(type: "integer", nullable: true),
                    CommissionId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    To = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionEntries_Commissions_CommissionId",
                        column: x => x.CommissionId,
                        principalTable: "Commissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommissionEntries_Distributors_DistributorId",
                        column: x => x.DistributorId,
                        principalTable: "Distributors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommissionEntries_Withdrawals_WithdrawalId",
                        column: x => x.WithdrawalId,
                        principalTable: "Withdrawals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WithdrawalEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WithdrawalId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorUserId = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WithdrawalEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WithdrawalEvent_Withdrawals_WithdrawalId",
                        column: x => x.WithdrawalId,
                        principalTable: "Withdrawals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionEntries_CommissionId",
                table: "CommissionEntries",
                column: "CommissionId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionEntries_DistributorId_At",
                table: "CommissionEntries",
                columns: new[] { "DistributorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionEntries_WithdrawalId",
                table: "CommissionEntries",
                column: "WithdrawalId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionPolicies_ShopId",
                table: "CommissionPolicies",
                column: "ShopId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Commissions_DistributorId_EstimatedAt",
                table: "Commissions",
                columns: new[] { "DistributorId", "EstimatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Commissions_OrderId",
                table: "Commissions",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Commissions_OrderLineId_DistributorId_Level",
                table: "Commissions",
                columns: new[] { "OrderLineId", "DistributorId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Commissions_Status_SettleAfter",
                table: "Commissions",
                columns: new[] { "Status", "SettleAfter" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderSettlements_SettledAt_ReceivedAt",
                table: "OrderSettlements",
                columns: new[] { "SettledAt", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderSettlements_ShopId_PaidAt",
                table: "OrderSettlements",
                columns: new[] { "ShopId", "PaidAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementEntries_OrderId_Kind",
                table: "SettlementEntries",
                columns: new[] { "OrderId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementEntries_OrderLineId",
                table: "SettlementEntries",
                column: "OrderLineId");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementEntries_ShopId_At",
                table: "SettlementEntries",
                columns: new[] { "ShopId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_WithdrawalEvent_WithdrawalId",
                table: "WithdrawalEvent",
                column: "WithdrawalId");

            migrationBuilder.CreateIndex(
                name: "IX_Withdrawals_Number",
                table: "Withdrawals",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Withdrawals_PayeeKind_PayeeId_RequestedAt",
                table: "Withdrawals",
                columns: new[] { "PayeeKind", "PayeeId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Withdrawals_Status_RequestedAt",
                table: "Withdrawals",
                columns: new[] { "Status", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommissionEntries");

            migrationBuilder.DropTable(
                name: "CommissionPolicies");

            migrationBuilder.DropTable(
                name: "OrderSettlements");

            migrationBuilder.DropTable(
                name: "SettlementEntries");

            migrationBuilder.DropTable(
                name: "ShopAccounts");

            migrationBuilder.DropTable(
                name: "WithdrawalEvent");

            migrationBuilder.DropTable(
                name: "Commissions");

            migrationBuilder.DropTable(
                name: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "ServiceFeeBp",
                table: "Shops");

            migrationBuilder.DropColumn(
                name: "EstimatedFen",
                table: "Distributors");

            migrationBuilder.DropColumn(
                name: "FrozenFen",
                table: "Distributors");

            migrationBuilder.DropColumn(
                name: "WithdrawableFen",
                table: "Distributors");

            migrationBuilder.DropColumn(
                name: "WithdrawingFen",
                table: "Distributors");

            migrationBuilder.DropColumn(
                name: "WithdrawnFen",
                table: "Distributors");

            migrationBuilder.DropColumn(
                name: "AutoApproveUpToFen",
                table: "DistributionSettings");

            migrationBuilder.DropColumn(
                name: "CommissionCapBp",
                table: "DistributionSettings");

            migrationBuilder.DropColumn(
                name: "DailyWithdrawalLimitFen",
                table: "DistributionSettings");

            migrationBuilder.DropColumn(
                name: "MinWithdrawalFen",
                table: "DistributionSettings");

            migrationBuilder.DropColumn(
                name: "SettleAfterDays",
                table: "DistributionSettings");

            migrationBuilder.DropColumn(
                name: "WithdrawalFeeBp",
                table: "DistributionSettings");
        }
    }
}
