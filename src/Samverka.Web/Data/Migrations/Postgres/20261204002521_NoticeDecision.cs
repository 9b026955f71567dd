using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NoticeDecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NoticeDecisionId",
                table: "Agreements",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_NoticeDecisionId",
                table: "Agreements",
                column: "NoticeDecisionId");

            migrationBuilder.AddForeignKey(
                name: "FK_Agreements_Decisions_NoticeDecisionId",
                table: "Agreements",
                column: "NoticeDecisionId",
                principalTable: "Decisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Agreements_Decisions_NoticeDecisionId",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_NoticeDecisionId",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "NoticeDecisionId",
                table: "Agreements");
        }
    }
}
