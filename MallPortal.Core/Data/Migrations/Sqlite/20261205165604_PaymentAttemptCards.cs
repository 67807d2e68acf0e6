using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MallPortal.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaymentAttemptCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CardHash",
                table: "PaymentAttempts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentAttempts_CardHash_At",
                table: "PaymentAttempts",
                columns: new[] { "CardHash", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PaymentAttempts_CardHash_At",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "CardHash",
                table: "PaymentAttempts");
        }
    }
}
