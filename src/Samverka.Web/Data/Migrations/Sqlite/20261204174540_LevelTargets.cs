using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LevelTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Baseline",
                table: "ExpectedResults",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ChangePercent",
                table: "ExpectedResults",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            // "At least 0" was met by anything; a target of none ("no one homeless") meant at most 0.
            migrationBuilder.Sql("UPDATE \"ExpectedResults\" SET \"Direction\" = 'AtMost' WHERE \"Kind\" = 'Count' AND \"Direction\" = 'AtLeast' AND CAST(\"TargetValue\" AS REAL) = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Baseline",
                table: "ExpectedResults");

            migrationBuilder.DropColumn(
                name: "ChangePercent",
                table: "ExpectedResults");
        }
    }
}
