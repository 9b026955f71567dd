using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExpectedResultId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EventKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    OutcomeKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: true),
                    Women = table.Column<int>(type: "INTEGER", nullable: true),
                    Men = table.Column<int>(type: "INTEGER", nullable: true),
                    OtherGender = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeUnder19 = table.Column<int>(type: "INTEGER", nullable: true),
                    Age19To24 = table.Column<int>(type: "INTEGER", nullable: true),
                    Age25To29 = table.Column<int>(type: "INTEGER", nullable: true),
                    Age30Plus = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeNotStated = table.Column<int>(type: "INTEGER", nullable: true),
                    Started = table.Column<int>(type: "INTEGER", nullable: true),
                    Completed = table.Column<int>(type: "INTEGER", nullable: true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Respondents = table.Column<int>(type: "INTEGER", nullable: true),
                    AgreeBeforePercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    AgreeAfterPercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    MenPercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    WomenPercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CorrectsFigureId = table.Column<int>(type: "INTEGER", nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
                    FigureId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedResultId = table.Column<int>(type: "INTEGER", nullable: false)
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
