using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samverka.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Results : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResultReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnershipId = table.Column<int>(type: "integer", nullable: false),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultReports_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResultReports_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TargetExplanation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExpectedResultId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetExplanation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetExplanation_ExpectedResults_ExpectedResultId",
                        column: x => x.ExpectedResultId,
                        principalTable: "ExpectedResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Figures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EventKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    OutcomeKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Total = table.Column<int>(type: "integer", nullable: true),
                    Women = table.Column<int>(type: "integer", nullable: true),
                    Men = table.Column<int>(type: "integer", nullable: true),
                    OtherGender = table.Column<int>(type: "integer", nullable: true),
                    AgeUnder19 = table.Column<int>(type: "integer", nullable: true),
                    Age19To24 = table.Column<int>(type: "integer", nullable: true),
                    Age25To29 = table.Column<int>(type: "integer", nullable: true),
                    Age30Plus = table.Column<int>(type: "integer", nullable: true),
                    AgeNotStated = table.Column<int>(type: "integer", nullable: true),
                    Started = table.Column<int>(type: "integer", nullable: true),
                    Completed = table.Column<int>(type: "integer", nullable: true),
                    Question = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Respondents = table.Column<int>(type: "integer", nullable: true),
                    AgreeBeforePercent = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    AgreeAfterPercent = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    MenPercent = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    WomenPercent = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CorrectsFigureId = table.Column<int>(type: "integer", nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Figures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Figures_Figures_CorrectsFigureId",
                        column: x => x.CorrectsFigureId,
                        principalTable: "Figures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Figures_ResultReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ResultReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportEvent",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportEvent_ResultReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ResultReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FigureTarget",
                columns: table => new
                {
                    FigureId = table.Column<int>(type: "integer", nullable: false),
                    ExpectedResultId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureTarget", x => new { x.FigureId, x.ExpectedResultId });
                    table.ForeignKey(
                        name: "FK_FigureTarget_ExpectedResults_ExpectedResultId",
                        column: x => x.ExpectedResultId,
                        principalTable: "ExpectedResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FigureTarget_Figures_FigureId",
                        column: x => x.FigureId,
                        principalTable: "Figures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Figures_CorrectsFigureId",
                table: "Figures",
                column: "CorrectsFigureId");

            migrationBuilder.CreateIndex(
                name: "IX_Figures_ReportId",
                table: "Figures",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_FigureTarget_ExpectedResultId",
                table: "FigureTarget",
                column: "ExpectedResultId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportEvent_ReportId",
                table: "ReportEvent",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultReports_AgreementId",
                table: "ResultReports",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultReports_PartnershipId_PeriodStart",
                table: "ResultReports",
                columns: new[] { "PartnershipId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_TargetExplanation_ExpectedResultId_Year",
                table: "TargetExplanation",
                columns: new[] { "ExpectedResultId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FigureTarget");

            migrationBuilder.DropTable(
                name: "ReportEvent");

            migrationBuilder.DropTable(
                name: "TargetExplanation");

            migrationBuilder.DropTable(
                name: "Figures");

            migrationBuilder.DropTable(
                name: "ResultReports");
        }
    }
}
