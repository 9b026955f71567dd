using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseNumberFormats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CaseNumberPattern",
                table: "Boards",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            // A board's case numbers were "PREFIX YYYY/N"; that is its format now.
            migrationBuilder.Sql("UPDATE \"Boards\" SET \"CaseNumberPattern\" = \"CaseNumberPrefix\" || ' {year}/{n}';");

            migrationBuilder.DropColumn(
                name: "CaseNumberPrefix",
                table: "Boards");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CaseNumberPrefix",
                table: "Boards",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE \"Boards\" SET \"CaseNumberPrefix\" = substr(\"CaseNumberPattern\", 1, instr(\"CaseNumberPattern\" || ' ', ' ') - 1);");

            migrationBuilder.DropColumn(
                name: "CaseNumberPattern",
                table: "Boards");
        }
    }
}
