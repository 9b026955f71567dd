using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TargetDirections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Direction",
                table: "ExpectedResults",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "AtLeast");

            migrationBuilder.AddColumn<string>(
                name: "ShareLabel",
                table: "ExpectedResults",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShareOf",
                table: "ExpectedResults",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Tolerance",
                table: "ExpectedResults",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            // Existing targets keep their meaning: counts and changes were judged at least, a split within the then built-in
            // ±5 percentage points, which becomes its stated tolerance.
            migrationBuilder.Sql("UPDATE \"ExpectedResults\" SET \"Direction\" = 'Within', \"Tolerance\" = 5 WHERE \"Kind\" = 'GenderShare';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Direction",
                table: "ExpectedResults");

            migrationBuilder.DropColumn(
                name: "ShareLabel",
                table: "ExpectedResults");

            migrationBuilder.DropColumn(
                name: "ShareOf",
                table: "ExpectedResults");

            migrationBuilder.DropColumn(
                name: "Tolerance",
                table: "ExpectedResults");
        }
    }
}
