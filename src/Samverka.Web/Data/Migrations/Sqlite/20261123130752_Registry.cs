using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverka.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegistryDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BoardId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Counterparty = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Confidential = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConfidentialityNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CorrectsDocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: true),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryDocuments_Boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegistryDocuments_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegistryDocuments_RegistryDocuments_CorrectsDocumentId",
                        column: x => x.CorrectsDocumentId,
                        principalTable: "RegistryDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RegistryDocuments_BoardId_RegisteredOn",
                table: "RegistryDocuments",
                columns: new[] { "BoardId", "RegisteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistryDocuments_CaseNumber_Sequence",
                table: "RegistryDocuments",
                columns: new[] { "CaseNumber", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryDocuments_CorrectsDocumentId",
                table: "RegistryDocuments",
                column: "CorrectsDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryDocuments_PartnershipId",
                table: "RegistryDocuments",
                column: "PartnershipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegistryDocuments");
        }
    }
}
