using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Web.Data.Migrations.Postgres
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdjustmentIndex",
                table: "Agreements",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "AdjustmentPercent",
                table: "Agreements",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GrantAdjustment",
                table: "Agreements",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<List<decimal>>(
                name: "IndexValues",
                table: "Agreements",
                type: "numeric[]",
                nullable: false,
                // Existing agreements have no index values.
                defaultValueSql: "'{}'::numeric[]");

            migrationBuilder.AddColumn<string>(
                name: "Initiative",
                table: "Agreements",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OneOffAmount",
                table: "Agreements",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OneOffPurpose",
                table: "Agreements",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OneOffYear",
                table: "Agreements",
                type: "integer",
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
