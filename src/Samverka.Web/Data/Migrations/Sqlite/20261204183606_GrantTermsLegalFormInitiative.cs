using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GrantTermsLegalFormInitiative : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LegalForm",
                table: "Organisations",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdjustmentIndex",
                table: "Agreements",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "AdjustmentPercent",
                table: "Agreements",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GrantAdjustment",
                table: "Agreements",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IndexValues",
                table: "Agreements",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Initiative",
                table: "Agreements",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OneOffAmount",
                table: "Agreements",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OneOffPurpose",
                table: "Agreements",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OneOffYear",
                table: "Agreements",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LegalForm",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "AdjustmentIndex",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "AdjustmentPercent",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "GrantAdjustment",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "IndexValues",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "Initiative",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "OneOffAmount",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "OneOffPurpose",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "OneOffYear",
                table: "Agreements");
        }
    }
}
