using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samverka.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MunicipalitiesAndReportingCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Boards_Name",
                table: "Boards");

            migrationBuilder.AlterColumn<string>(
                name: "OutcomeKind",
                table: "Figures",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(30)",
                oldMaxLength: 30,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "EventKind",
                table: "Figures",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(30)",
                oldMaxLength: 30,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShareCategory",
                table: "ExpectedResults",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "Boards",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "FigureAgeCounts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FigureId = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureAgeCounts", x => new { x.FigureId, x.Code });
                    table.ForeignKey(
                        name: "FK_FigureAgeCounts_Figures_FigureId",
                        column: x => x.FigureId,
                        principalTable: "Figures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Municipalities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganisationNumber = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Municipalities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportingCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    AgreementId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportingCategories_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportingCategories_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementCategories",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    ReportingCategoryId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementCategories", x => new { x.AgreementId, x.ReportingCategoryId });
                    table.ForeignKey(
                        name: "FK_AgreementCategories_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementCategories_ReportingCategories_ReportingCategoryId",
                        column: x => x.ReportingCategoryId,
                        principalTable: "ReportingCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every existing board belongs to one municipality (Stockholms stad where the demo data's boards are, else
            // "Kommunen", to be named by its administrator); it gets the follow-up report's categories (seed 003) under the
            // codes the figures already carry; the four age columns move into rows, and a share of an age band names its band.
            migrationBuilder.Sql("INSERT INTO \"Municipalities\" (\"Name\", \"Kind\", \"OrganisationNumber\", \"Version\") SELECT CASE WHEN EXISTS (SELECT 1 FROM \"Boards\" WHERE \"Name\" = 'Järva stadsdelsnämnd') THEN 'Stockholms stad' ELSE 'Kommunen' END, 'Municipality', CASE WHEN EXISTS (SELECT 1 FROM \"Boards\" WHERE \"Name\" = 'Järva stadsdelsnämnd') THEN '212000-0142' ELSE NULL END, 'A6D3A1C2-5B7E-4F0A-9C1D-2E3F4A5B6C7D' WHERE EXISTS (SELECT 1 FROM \"Boards\");");
            migrationBuilder.Sql("UPDATE \"Boards\" SET \"MunicipalityId\" = (SELECT MIN(\"Id\") FROM \"Municipalities\");");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'AgeBand', 'AgeUnder19', 'Under 19', 'Under 19', 1, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'AgeBand', 'Age19To24', '19–24', '19–24', 2, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'AgeBand', 'Age25To29', '25–29', '25–29', 3, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'AgeBand', 'Age30Plus', '30 eller äldre', '30 or older', 4, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'Outcome', 'RegisteredAtJobbtorg', 'Inskriven vid Jobbtorg', 'Registered at Jobbtorg', 1, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'Outcome', 'UnsubsidisedWork', 'Till ej subventionerat arbete', 'Left for unsubsidised work', 2, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'Outcome', 'SubsidisedWork', 'Till subventionerat arbete', 'Left for subsidised work', 3, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'Outcome', 'Studies', 'Till studier', 'Left for studies', 4, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'Event', 'Fair', 'Mässa', 'Fair', 1, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'Event', 'DropInSession', 'Drop-in-tillfälle', 'Drop-in session', 2, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'Event', 'RecruitmentMeeting', 'Rekryteringsträff', 'Recruitment meeting', 3, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'Event', 'MentorshipProgramme', 'Mentorskapsprogram', 'Mentorship programme', 4, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'Event', 'StudyPlace', 'Studieplats', 'Study place', 5, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'Event', 'SummerJobGroup', 'Feriearbetsgrupp', 'Summer-job group', 6, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'Event', 'InformationStand', 'Informationsdisk', 'Information stand', 7, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"ReportingCategories\" (\"MunicipalityId\", \"AgreementId\", \"Kind\", \"Code\", \"Name\", \"NameEn\", \"Position\", \"Retired\") SELECT \"Id\", NULL, 'Event', 'Other', 'Annat', 'Other', 8, FALSE FROM \"Municipalities\";");
            migrationBuilder.Sql("INSERT INTO \"FigureAgeCounts\" (\"FigureId\", \"Code\", \"Count\") SELECT \"Id\", 'AgeUnder19', \"AgeUnder19\" FROM \"Figures\" WHERE \"AgeUnder19\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"ExpectedResults\" SET \"ShareOf\" = 'AgeBand', \"ShareCategory\" = 'AgeUnder19', \"ShareLabel\" = COALESCE(\"ShareLabel\", 'under 19 år') WHERE \"ShareOf\" = 'AgeUnder19';");
            migrationBuilder.Sql("INSERT INTO \"FigureAgeCounts\" (\"FigureId\", \"Code\", \"Count\") SELECT \"Id\", 'Age19To24', \"Age19To24\" FROM \"Figures\" WHERE \"Age19To24\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"ExpectedResults\" SET \"ShareOf\" = 'AgeBand', \"ShareCategory\" = 'Age19To24', \"ShareLabel\" = COALESCE(\"ShareLabel\", 'i åldern 19–24 år') WHERE \"ShareOf\" = 'Age19To24';");
            migrationBuilder.Sql("INSERT INTO \"FigureAgeCounts\" (\"FigureId\", \"Code\", \"Count\") SELECT \"Id\", 'Age25To29', \"Age25To29\" FROM \"Figures\" WHERE \"Age25To29\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"ExpectedResults\" SET \"ShareOf\" = 'AgeBand', \"ShareCategory\" = 'Age25To29', \"ShareLabel\" = COALESCE(\"ShareLabel\", 'i åldern 25–29 år') WHERE \"ShareOf\" = 'Age25To29';");
            migrationBuilder.Sql("INSERT INTO \"FigureAgeCounts\" (\"FigureId\", \"Code\", \"Count\") SELECT \"Id\", 'Age30Plus', \"Age30Plus\" FROM \"Figures\" WHERE \"Age30Plus\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"ExpectedResults\" SET \"ShareOf\" = 'AgeBand', \"ShareCategory\" = 'Age30Plus', \"ShareLabel\" = COALESCE(\"ShareLabel\", '30 år eller äldre') WHERE \"ShareOf\" = 'Age30Plus';");

            migrationBuilder.CreateIndex(
                name: "IX_Boards_MunicipalityId_Name",
                table: "Boards",
                columns: new[] { "MunicipalityId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementCategories_ReportingCategoryId",
                table: "AgreementCategories",
                column: "ReportingCategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Municipalities_Name",
                table: "Municipalities",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCategories_AgreementId",
                table: "ReportingCategories",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCategories_MunicipalityId_AgreementId_Kind_Code",
                table: "ReportingCategories",
                columns: new[] { "MunicipalityId", "AgreementId", "Kind", "Code" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Boards_Municipalities_MunicipalityId",
                table: "Boards",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.DropColumn(
                name: "Age19To24",
                table: "Figures");

            migrationBuilder.DropColumn(
                name: "Age25To29",
                table: "Figures");

            migrationBuilder.DropColumn(
                name: "Age30Plus",
                table: "Figures");

            migrationBuilder.DropColumn(
                name: "AgeUnder19",
                table: "Figures");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Boards_Municipalities_MunicipalityId",
                table: "Boards");

            migrationBuilder.DropTable(
                name: "AgreementCategories");

            migrationBuilder.DropTable(
                name: "FigureAgeCounts");

            migrationBuilder.DropTable(
                name: "ReportingCategories");

            migrationBuilder.DropTable(
                name: "Municipalities");

            migrationBuilder.DropIndex(
                name: "IX_Boards_MunicipalityId_Name",
                table: "Boards");

            migrationBuilder.DropColumn(
                name: "ShareCategory",
                table: "ExpectedResults");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "Boards");

            migrationBuilder.AlterColumn<string>(
                name: "OutcomeKind",
                table: "Figures",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "EventKind",
                table: "Figures",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Age19To24",
                table: "Figures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Age25To29",
                table: "Figures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Age30Plus",
                table: "Figures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgeUnder19",
                table: "Figures",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Boards_Name",
                table: "Boards",
                column: "Name",
                unique: true);
        }
    }
}
