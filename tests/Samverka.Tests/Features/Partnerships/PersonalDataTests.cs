using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Organisations;

namespace Samverka.Tests.Features.Partnerships;

/// <summary>The board sees the partnerships' agreements and organisations, not the contact persons' names and e-mail addresses (the signatories stay).</summary>
public class PersonalDataTests
{
    private const string Name = "Hedvig Wiezell";
    private const string Email = "hedvig@folketshusby.se";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ABoardMember_SeesNoContactPersons_InPagesApiOrDocument(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (agreement, organisation) = await app.WithDbAsync(async ctx => (
            await ctx.Agreements.Where(a => a.Title == "Överenskommelse Folkets Husby").Select(a => a.Id).SingleAsync(),
            await ctx.Organisations.Where(o => o.Name == "Folkets Husby").Select(o => o.Id).SingleAsync()));

        foreach (var (user, sees) in new[] { (Users.Coordinator, true), (Users.FolketsHusby, true), (Users.BoardMember, false) })
        {
            var api = app.ApiClient(user);
            var doc = await (await api.GetAsync($"/api/agreements/{agreement}")).ReadAsync<AgreementDocument>();
            Assert.Equal(sees, doc.Parties!.Any(p => p.ContactName == Name && p.ContactEmail == Email));
            var org = await api.GetAsync($"/api/organisations/{organisation}");
            if (org.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(sees, (await org.ReadAsync<OrganisationView>()).ContactEmail == Email);
                var list = await (await api.GetAsync("/api/organisations")).Content.ReadAsStringAsync();
                Assert.Equal(sees, list.Contains(Email, StringComparison.Ordinal));
            }

            var browser = await app.SignedInClientAsync(user);
            var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Agreements/Details/{agreement}"));
            // The signatories stay: who signed for each party is part of the agreement as a public document.
            Assert.Contains("Verksamhetschef", page, StringComparison.Ordinal);
            Assert.Equal(sees, page.Contains(Email, StringComparison.Ordinal));
            Assert.Equal(sees, page.Contains($"{Name}  {Email}", StringComparison.Ordinal) || page.Contains($"{Name} {Email}", StringComparison.Ordinal));
            var orgPage = await browser.GetAsync($"/Organisations/Details/{organisation}");
            if (orgPage.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(sees, WebUtility.HtmlDecode(await orgPage.Content.ReadAsStringAsync()).Contains(Email, StringComparison.Ordinal));
            }

            var docx = await api.GetByteArrayAsync($"/api/agreements/{agreement}/docx");
            using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
            var text = word.MainDocumentPart!.Document!.InnerText;
            Assert.Equal(sees, text.Contains(Email, StringComparison.Ordinal));
        }
    }
}
