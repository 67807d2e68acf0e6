using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Distribution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DistributionAudits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CustomerUserId = table.Column<int>(type: "integer", nullable: true),
                    SubjectDistributorId = table.Column<int>(type: "integer", nullable: true),
                    OldDistributorId = table.Column<int>(type: "integer", nullable: true),
                    NewDistributorId = table.Column<int>(type: "integer", nullable: true),
                    ActorUserId = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributionAudits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DistributionSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    ApplyPolicy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MaxDepth = table.Column<int>(type: "integer", nullable: false),
                    BindingMode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BindingDays = table.Column<int>(type: "integer", nullable: false),
                    NewCustomersOnly = table.Column<bool>(type: "boolean", nullable: false),
                    ProtectionDays = table.Column<int>(type: "integer", nullable: false),
                    CookieDays = table.Column<int>(type: "integer", nullable: false),
                    VisitorSalt = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributionSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DistributorApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicantUserId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RealName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    CompanyName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Region = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DocumentPaths = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    InviterId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RejectReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewerUserId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributorApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DistributorApplications_AspNetUsers_ApplicantUserId",
                        column: x => x.ApplicantUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Distributors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Region = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    InviteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Depth = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SuspendReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    JoinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Distributors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Distributors_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Distributors_Distributors_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Distributors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShopDistributorBlocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopId = table.Column<int>(type: "integer", nullable: false),
                    DistributorId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BlockedByUserId = table.Column<int>(type: "integer", nullable: false),
                    BlockedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LiftedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopDistributorBlocks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerBindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerUserId = table.Column<int>(type: "integer", nullable: false),
                    DistributorId = table.Column<int>(type: "integer", nullable: false),
                    LinkId = table.Column<int>(type: "integer", nullable: true),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BoundAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProtectedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerBindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerBindings_AspNetUsers_CustomerUserId",
                        column: x => x.CustomerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustomerBindings_Distributors_DistributorId",
                        column: x => x.DistributorId,
                        principalTable: "Distributors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrderAttributions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    DistributorId = table.Column<int>(type: "integer", nullable: false),
                    Level2DistributorId = table.Column<int>(type: "integer", nullable: true),
                    Level3DistributorId = table.Column<int>(type: "integer", nullable: true),
                    LinkId = table.Column<int>(type: "integer", nullable: true),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ShopBlocked = table.Column<bool>(type: "boolean", nullable: false),
                    AttributedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderAttributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderAttributions_Distributors_DistributorId",
                        column: x => x.DistributorId,
                        principalTable: "Distributors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrderAttributions_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PromotionLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    DistributorId = table.Column<int>(type: "integer", nullable: false),
                    Target = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Shares = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromotionLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PromotionLinks_Distributors_DistributorId",
                        column: x => x.DistributorId,
                        principalTable: "Distributors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PromotionClicks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LinkId = table.Column<int>(type: "integer", nullable: false),
                    DistributorId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    VisitorHash = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Agent = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReferrerHost = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FirstOfDay = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromotionClicks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PromotionClicks_PromotionLinks_LinkId",
                        column: x => x.LinkId,
                        principalTable: "PromotionLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PromotionSignups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LinkId = table.Column<int>(type: "integer", nullable: false),
                    DistributorId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromotionSignups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PromotionSignups_PromotionLinks_LinkId",
                        column: x => x.LinkId,
                        principalTable: "PromotionLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerBindings_CustomerUserId",
                table: "CustomerBindings",
                column: "CustomerUserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerBindings_DistributorId",
                table: "CustomerBindings",
                column: "DistributorId");

            migrationBuilder.CreateIndex(
                name: "IX_DistributionAudits_At",
                table: "DistributionAudits",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_DistributionAudits_CustomerUserId",
                table: "DistributionAudits",
                column: "CustomerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_DistributorApplications_ApplicantUserId",
                table: "DistributorApplications",
                column: "ApplicantUserId");

            migrationBuilder.CreateIndex(
                name: "IX_DistributorApplications_Status_SubmittedAt",
                table: "DistributorApplications",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Distributors_InviteCode",
                table: "Distributors",
                column: "InviteCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Distributors_ParentId",
                table: "Distributors",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Distributors_Path",
                table: "Distributors",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_Distributors_UserId",
                table: "Distributors",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrderAttributions_DistributorId_AttributedAt",
                table: "OrderAttributions",
                columns: new[] { "DistributorId", "AttributedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderAttributions_LinkId",
                table: "OrderAttributions",
                column: "LinkId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderAttributions_OrderId",
                table: "OrderAttributions",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PromotionClicks_DistributorId_At",
                table: "PromotionClicks",
                columns: new[] { "DistributorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PromotionClicks_LinkId_VisitorHash_Day",
                table: "PromotionClicks",
                columns: new[] { "LinkId", "VisitorHash", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_PromotionLinks_Code",
                table: "PromotionLinks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PromotionLinks_DistributorId_Target_TargetId_Channel",
                table: "PromotionLinks",
                columns: new[] { "DistributorId", "Target", "TargetId", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PromotionSignups_DistributorId_At",
                table: "PromotionSignups",
                columns: new[] { "DistributorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PromotionSignups_LinkId",
                table: "PromotionSignups",
                column: "LinkId");

            migrationBuilder.CreateIndex(
                name: "IX_PromotionSignups_UserId",
                table: "PromotionSignups",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShopDistributorBlocks_ShopId_DistributorId",
                table: "ShopDistributorBlocks",
                columns: new[] { "ShopId", "DistributorId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerBindings");

            migrationBuilder.DropTable(
                name: "DistributionAudits");

            migrationBuilder.DropTable(
                name: "DistributionSettings");

            migrationBuilder.DropTable(
                name: "DistributorApplications");

            migrationBuilder.DropTable(
                name: "OrderAttributions");

            migrationBuilder.DropTable(
                name: "PromotionClicks");

            migrationBuilder.DropTable(
                name: "PromotionSignups");

            migrationBuilder.DropTable(
                name: "ShopDistributorBlocks");

            migrationBuilder.DropTable(
                name: "PromotionLinks");

            migrationBuilder.DropTable(
                name: "Distributors");
        }
    }
}
