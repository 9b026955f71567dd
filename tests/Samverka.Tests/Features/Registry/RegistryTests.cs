using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Registry;

namespace Samverka.Tests.Features.Registry;

public class FileCheckTests
{
    private static readonly byte[] Pdf = TestFiles.Pdf;

    [Fact]
    public void Pdf_ByContent_IsAccepted() => Assert.Equal((null, "application/pdf"), FileCheck.Check("protokoll.pdf", Pdf));

    [Theory]
    [InlineData("%PDF-1.7\nMZ\u0090\u0000 this is a program")]
    [InlineData("%PDF-1.7\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n")]
    [InlineData("%PDF-1.7\n1 0 obj\n<<>>\nendobj\nstartxref\n99999\n%%EOF")]
    [InlineData("%PDF-x\n1 0 obj\nendobj\nstartxref\n9\n%%EOF")]
    public void AFileThatOnlyBeginsLikeAPdf_IsRefused(string content) =>
        Assert.Equal("The file is called {0} but its content is not {1}.", FileCheck.Check("protokoll.pdf", Encoding.Latin1.GetBytes(content)).Message?.Text);

    [Fact]
    public void TextCalledPdf_IsRefused() => Assert.Equal("The file is called {0} but its content is not {1}.", FileCheck.Check("protokoll.pdf", "hej"u8.ToArray()).Message!.Text);

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("C:\\temp\\protokoll.pdf")]
    [InlineData("mapp/protokoll.pdf")]
    public void PathInTheName_IsRefused(string name) => Assert.Equal("The file name must be a plain name without a folder or path.", FileCheck.Check(name, Pdf).Message!.Text);

    [Fact]
    public void Oversized_IsRefused()
    {
        var big = new byte[FileCheck.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        Assert.Equal("The file is larger than {0} MB.", FileCheck.Check("stor.pdf", big).Message!.Text);
    }

    [Fact]
    public void EmptyAndUnknownKinds_AreRefused()
    {
        Assert.Equal("The file is empty.", FileCheck.Check("protokoll.pdf", []).Message!.Text);
        Assert.NotNull(FileCheck.Check("skript.exe", Pdf).Message);
    }

    [Fact]
    public void Docx_IsRecognisedInside()
    {
        var docx = Samverka.Web.Features.Agreements.AgreementDocx.Create(AgreementBuilder.Draft());
        Assert.Null(FileCheck.Check("överenskommelse.docx", docx).Message);
        Assert.NotNull(FileCheck.Check("överenskommelse.xlsx", docx).Message);
    }

    [Fact]
    public void CaseNumbers_FollowTheBoardsSeries() =>
        Assert.Equal("JÄRVA 2026/13", Samverka.Web.Features.Boards.Board.FormatOf("JÄRVA {year}/{n}").Next(2026, ["JÄRVA 2023/549", "JÄRVA 2026/12", "JÄRVA 2026/3", "RK 2026/40"]));
}

public class RegistryTests
{
    private static readonly byte[] Pdf = TestFiles.Pdf;

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, int partnershipId, string description, string? fileName, byte[]? file, int? corrects = null)
    {
        var url = $"/Registry/Register/{partnershipId}" + (corrects is null ? "" : $"?corrects={corrects}");
        var html = await client.GetStringAsync(url);
        var token = Http.AntiforgeryTokenIn(html);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("2024-09-12"), "RegisteredOn" },
            { new StringContent("DrawnUp"), "Direction" },
            { new StringContent("Minutes"), "Kind" },
            { new StringContent(description), "Description" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        if (corrects is not null)
        {
            form.Add(new StringContent(corrects.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Corrects");
        }
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "Upload", fileName!);
        }
        return await client.PostAsync(url, form);
    }

    /// <summary>Over a real socket (the in-memory test server applies no body limits): the size message, not a reset connection.</summary>
    [Fact]
    public async Task AFileOverTheLimit_GetsTheSizeMessage_AndNothingIsRegistered()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        app.ServeOverKestrel();
        var pid = await app.WithDbAsync(ctx => ctx.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync());
        var coordinator = await app.SignedInClientAsync(Users.Coordinator);
        var big = new byte[(int)FileCheck.MaxBytes + 5 * 1024 * 1024];
        Pdf.CopyTo(big, 0);

        var response = await RegisterAsync(coordinator, pid, "Stor bilaga", "bilaga.pdf", big);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Filen är större än 20 MB.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDbAsync(ctx => ctx.RegistryDocuments.CountAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Minutes_AreRegisteredWithTheirFile_FoundBySearch_AndExportedAsZip(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (pid, board) = await app.WithDbAsync(async ctx => await ctx.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => new { p.Id, p.BoardId }).SingleAsync() is var x ? (x.Id, x.BoardId) : default);
        var coordinator = await app.SignedInClientAsync(Users.Coordinator);
        var response = await RegisterAsync(coordinator, pid, "Protokoll styrgruppen 2024-09-10", "protokoll.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var document = await app.WithDbAsync(ctx => ctx.RegistryDocuments.SingleAsync());
        Assert.Equal(("JÄRVA 2023/549", 1, "protokoll.pdf"), (document.CaseNumber, document.Sequence, document.FileName));

        var found = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Registry/Index/{board}?Text=protokoll&From=2024-09-01"));
        Assert.Contains("JÄRVA 2023/549-1", found);
        Assert.DoesNotContain("JÄRVA 2023/549-1", WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Registry/Index/{board}?Text=budget")));
        var partner = await app.SignedInClientAsync(Users.FolketsHusby);
        Assert.Equal(Pdf, await partner.GetByteArrayAsync($"/Registry/Document/{document.Id}?handler=File"));

        var zipBytes = await coordinator.GetByteArrayAsync($"/Registry/Index/{board}?handler=Export&caseNumber={Uri.EscapeDataString("JÄRVA 2023/549")}");
        using var zip = new ZipArchive(new MemoryStream(zipBytes));
        Assert.Contains(zip.Entries, e => e.FullName == "001-protokoll.pdf");
        using var listing = new StreamReader(zip.GetEntry("registry.json")!.Open());
        Assert.Contains("Protokoll styrgruppen 2024-09-10", await listing.ReadToEndAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task BadFiles_AreRefusedAndNothingIsRegistered(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var pid = await app.WithDbAsync(ctx => ctx.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync());
        var coordinator = await app.SignedInClientAsync(Users.Coordinator);
        var fake = await RegisterAsync(coordinator, pid, "Protokoll", "protokoll.pdf", "inte en pdf"u8.ToArray());
        Assert.Contains("Filen heter protokoll.pdf men innehållet är inte PDF.", WebUtility.HtmlDecode(await fake.Content.ReadAsStringAsync()));
        var path = await RegisterAsync(coordinator, pid, "Protokoll", "../../protokoll.pdf", Pdf);
        Assert.Contains("Filnamnet ska vara ett enkelt namn utan mapp eller sökväg.", WebUtility.HtmlDecode(await path.Content.ReadAsStringAsync()));
        var empty = await RegisterAsync(coordinator, pid, "Protokoll", "protokoll.pdf", []);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(ctx => ctx.RegistryDocuments.CountAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Correction_IsANewVersion_AndTheOriginalStays(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var pid = await app.WithDbAsync(ctx => ctx.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync());
        var coordinator = await app.SignedInClientAsync(Users.Coordinator);
        await RegisterAsync(coordinator, pid, "Protokoll 2024-09-10", "protokoll.pdf", Pdf);
        var original = await app.WithDbAsync(ctx => ctx.RegistryDocuments.SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(coordinator, pid, "Protokoll 2024-09-10, rättat", "protokoll-v2.pdf", Pdf, corrects: original.Id)).StatusCode);
        var all = await app.WithDbAsync(ctx => ctx.RegistryDocuments.OrderBy(d => d.Sequence).ToListAsync());
        Assert.Equal(["Protokoll 2024-09-10", "Protokoll 2024-09-10, rättat"], all.Select(d => d.Description));
        Assert.Equal(original.Id, all[1].CorrectsDocumentId);
        Assert.Equal(original.Sha256, all[0].Sha256);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task APartnershipWithoutACaseNumber_GetsTheNextInTheBoardsSeries(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var pid = await app.WithDbAsync(ctx => ctx.Partnerships.Where(p => p.Name.StartsWith("IOP IOGT")).Select(p => p.Id).SingleAsync());
        var coordinator = await app.SignedInClientAsync(Users.Coordinator);
        var response = await coordinator.PostFormAsync($"/Registry/Register/{pid}", new()
        {
            ["RegisteredOn"] = "2026-02-27",
            ["Direction"] = "Received",
            ["Counterparty"] = "IOGT-NTO Spånga",
            ["Kind"] = "Letter",
            ["Description"] = "Skriftlig uppsägning",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("JÄRVA 2026/1", await app.WithDbAsync(ctx => ctx.Partnerships.Where(p => p.Id == pid).Select(p => p.CaseNumber).SingleAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Documents_AreSharedWithThePartiesOnly(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (pid, board) = await app.WithDbAsync(async ctx => await ctx.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => new { p.Id, p.BoardId }).SingleAsync() is var x ? (x.Id, x.BoardId) : default);
        await RegisterAsync(await app.SignedInClientAsync(Users.Coordinator), pid, "Protokoll", "protokoll.pdf", Pdf);
        var id = await app.WithDbAsync(ctx => ctx.RegistryDocuments.Select(d => d.Id).SingleAsync());
        var partner = await app.SignedInClientAsync(Users.FolketsHusby);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/Registry/Document/{id}")).StatusCode);
        // The form is shown read-only with the reason, under 403.
        var register = await partner.GetAsync($"/Registry/Register/{pid}");
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        Assert.Contains("Bara förvaltningen registrerar handlingar.", WebUtility.HtmlDecode(await register.Content.ReadAsStringAsync()));
        foreach (var user in new[] { Users.IogtSpanga, Users.BoardMember })
        {
            var client = await app.SignedInClientAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Registry/Document/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Registry/Document/{id}?handler=File")).StatusCode);
            Assert.DoesNotContain("Protokoll", WebUtility.HtmlDecode(await client.GetStringAsync($"/Registry/Index/{board}")));
        }
    }
}
