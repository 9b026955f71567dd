using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;

namespace Samverka.Tests.Features.Agreements;

/// <summary>A decided text that cannot be signed as it stands has a way out: withdraw the decision, correct, decide and sign again.</summary>
public class WithdrawDecisionTests
{
    private static readonly DateTimeOffset June2024 = new(2024, 6, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ADecisionWithdrawnWithItsReason_LetsTheTextBeCorrected_DecidedAndSignedAgain()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: June2024);
        var api = app.ApiClient(Users.Coordinator);
        var seed = await app.WithDbAsync(db => db.Agreements.Include(a => a.Parties).SingleAsync(a => a.Title == "Överenskommelse Folkets Husby"));
        var a = await (await api.PostJsonAsync("/api/agreements", new AgreementDocument
        {
            PartnershipId = seed.PartnershipId, Title = "Överenskommelse 2025", StartDate = new DateOnly(2025, 1, 1), EndDate = new DateOnly(2025, 12, 31), AnnualGrant = 0,
            Parties = [.. seed.Parties.Select(p => new PartyDto(null, p.OrganisationId, p.Role, null, null, null, null, null, null, null, null, null))],
            Goals = [new GoalDto(null, 1, "Mål", null, null, [], [])],
        })).ReadAsync<AgreementDocument>();
        async Task<AgreementDocument> Step(string step, Func<Guid?, object> body)
        {
            var response = await api.PostJsonAsync($"/api/agreements/{a.Id}/{step}", body(a.Version));
            Assert.True(response.IsSuccessStatusCode, $"{step}: {await response.Content.ReadAsStringAsync()}");
            return await response.ReadAsync<AgreementDocument>();
        }
        a = await Step("propose", v => new ProposeInput(new DateOnly(2024, 6, 10), v));
        a = await Step("decide", v => new DecideInput(new DateOnly(2024, 6, 10), "§ 3", null, null, v));
        a = await Step("sign", v => new SignInput(a.Parties![0].Id, new DateOnly(2024, 6, 12), v));

        var noReason = await api.PostJsonAsync($"/api/agreements/{a.Id}/withdraw", new WithdrawInput(null, a.Version));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Ange varför beslutet dras tillbaka", System.Text.RegularExpressions.Regex.Unescape(await noReason.Content.ReadAsStringAsync()));

        a = await Step("withdraw", v => new WithdrawInput("Budgeten i texten stämmer inte med beslutet", v));
        Assert.Equal(AgreementStage.Draft, a.Lifecycle!.Stage);
        Assert.All(a.Parties!, p => Assert.Null(p.SignedOn));
        var corrected = await api.PutJsonAsync($"/api/agreements/{a.Id}", a with { Purpose = "Rättad text" });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        a = await corrected.ReadAsync<AgreementDocument>();

        a = await Step("propose", v => new ProposeInput(new DateOnly(2024, 6, 14), v));
        a = await Step("decide", v => new DecideInput(new DateOnly(2024, 6, 14), "§ 9", null, null, v));
        foreach (var party in a.Parties!)
        {
            a = await Step("sign", v => new SignInput(party.Id, new DateOnly(2024, 6, 15), v));
        }
        Assert.Equal(AgreementStage.Signed, a.Lifecycle!.Stage);
        // Both decisions stand in the decision record; the agreement points at the one it was signed under.
        Assert.Equal("§ 9", a.Lifecycle.Decision!.Paragraph);
        Assert.Equal(2, await app.WithDbAsync(db => db.Decisions.CountAsync(d => d.Paragraph == "§ 3" || d.Paragraph == "§ 9")));
    }
}
