using System.Globalization;
using Samverka.Web.Infrastructure.Documents;

namespace Samverka.Web.Features.Agreements;

/// <summary>Writes an agreement as a Word document that reads like the signed original (seed 001): same sections, same order.</summary>
public static class AgreementDocx
{
    public const string ContentType = DocxWriter.ContentType;

    private static readonly string[] Agenda2030Names =
    [
        "", "Ingen fattigdom", "Ingen hunger", "God hälsa och välbefinnande", "God utbildning för alla", "Jämställdhet",
        "Rent vatten och sanitet för alla", "Hållbar energi för alla", "Anständiga arbetsvillkor och ekonomisk tillväxt",
        "Hållbar industri, innovationer och infrastruktur", "Minskad ojämlikhet", "Hållbara städer och samhällen",
        "Hållbar konsumtion och produktion", "Bekämpa klimatförändringarna", "Hav och marina resurser", "Ekosystem och biologisk mångfald",
        "Fredliga och inkluderande samhällen", "Genomförande och globalt partnerskap",
    ];

    public static string Agenda2030Name(int goal) => goal is >= 1 and <= 17 ? Agenda2030Names[goal] : goal.ToString(CultureInfo.InvariantCulture);

    public static string FileName(Agreement a)
    {
        var safe = new string(a.Title.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' ? c : '_').ToArray()).Trim();
        return $"{(safe.Length > 80 ? safe[..80] : safe)} {a.StartDate:yyyy}.docx";
    }

    /// <param name="a">The agreement.</param>
    /// <param name="withPersonalData">False leaves out the names and e-mail addresses of contact persons (for the board).</param>
    public static byte[] Create(Agreement a, bool withPersonalData = true)
    {
        var doc = new DocxWriter();
        doc.Title(a.Title);
        var nonProfit = a.Parties.Where(p => p.Role == PartyRole.NonProfit).OrderBy(p => p.SortOrder).FirstOrDefault();
        var publicBody = a.Parties.Where(p => p.Role == PartyRole.PublicBody).OrderBy(p => p.SortOrder).FirstOrDefault();
        var goals = a.Goals.OrderBy(g => g.Number).ToList();
        // What the document states is what the agreement holds: a sentence only when its facts are there.
        if (a.Decision is { } decision)
        {
            doc.Paragraph("Beslutad " + string.Join(", ", new[]
            {
                decision.DecidedOn is { } on ? $"den {Format.Date(on)}" : null,
                decision.Paragraph,
                decision.CaseNumber is { } dnr ? $"diarienummer {dnr}" : null,
            }.OfType<string>()) + ".");
        }
        else if (a.Partnership?.CaseNumber is { } caseNumber)
        {
            doc.Paragraph($"Diarienummer {caseNumber}.");
        }

        doc.Heading(1, "Samhällsutmaning");
        doc.Text(a.SocietalChallenge);
        if (goals.Count > 0)
        {
            doc.Paragraph("Partnerskapet syftar till att komma till rätta med att:");
            foreach (var g in goals)
            {
                doc.ListItem($"Mål {g.Number}: {g.Title}" + (string.IsNullOrWhiteSpace(g.Problem) ? "" : $" – {g.Problem}"));
            }
        }
        doc.Text(a.Agenda2030Text ?? (a.Agenda2030Goals.Count > 0
            ? "Partnerskapet syftar till att bidra till Agenda 2030:s hållbarhetsmål " + string.Join(" och ", a.Agenda2030Goals.Select(Agenda2030Name).Select(n => n.ToLower(CultureInfo.GetCultureInfo("sv-SE")))) + "."
            : null));
        foreach (var footnote in a.ChallengeFigures.GroupBy(f => f.FootnoteNumber).OrderBy(f => f.Key))
        {
            var text = string.Join(" respektive ", footnote.Select(f => f.Text)) +
                string.Concat(footnote.Where(f => f.Source is not null).Select(f => $" (källa: {f.Source})"));
            doc.Footnote(footnote.Key, text);
        }

        doc.Heading(1, "Parter");
        // A share column only where the agreement divides the grant between its parties.
        var shared = a.Parties.Any(p => p.GrantShare is not null);
        doc.Table("Parterna", shared ? ["Part", "Org.nr", "Adress", "Kontakt", "Beslutandenivå", "Andel av bidraget"] : ["Part", "Org.nr", "Adress", "Kontakt", "Beslutandenivå"],
            a.Parties.OrderBy(p => p.SortOrder).Select(p => new[]
            {
                p.OrganisationName, p.OrganisationNumber ?? "ej angivet", p.Address ?? "",
                withPersonalData ? string.Join(" ", new[] { p.ContactName, p.ContactEmail }.Where(x => !string.IsNullOrWhiteSpace(x))) : "", p.DecisionLevel ?? "",
                p.GrantShare is { } share ? Format.Sek(share) : "",
            }));
        if (a.CooperatingOrganisations.Count > 0)
        {
            doc.Paragraph("Utöver parterna ovan är " + JoinSwedish(a.CooperatingOrganisations.Select(c => c.Name.ToLower(CultureInfo.GetCultureInfo("sv-SE")))) +
                (a.CooperatingOrganisations.Count == 1 ? " samverkande organisation." : " samverkande organisationer."));
        }
        if (a.Initiative is { } initiative)
        {
            doc.Paragraph("Initiativet till partnerskapet togs av " + initiative switch
            {
                PartnershipInitiative.Organisation => nonProfit?.OrganisationName ?? "den idéburna organisationen",
                PartnershipInitiative.Municipality => publicBody?.OrganisationName ?? "kommunen",
                _ => "parterna gemensamt",
            } + ".");
        }

        doc.Heading(1, "Syfte och mål");
        doc.Text(a.Purpose);
        doc.Heading(2, "Mål och aktiviteter");
        if (goals.Count > 0)
        {
            doc.Table("Mål och förväntade resultat", ["Mål", "Förväntat resultat"], goals.Select(g => new[]
        {
            g.Title + (string.IsNullOrWhiteSpace(g.Problem) ? "" : "\n" + g.Problem),
            string.Join("\n", g.ExpectedResults.OrderBy(r => r.SortOrder).Select(Describe).Append(g.Note ?? "").Where(s => s.Length > 0)),
            }));
        }

        doc.Heading(1, "Metod");
        doc.Text(a.Method);
        doc.Heading(2, "Värdegrund/förhållningssätt");
        doc.Text(a.Values);

        doc.Heading(1, "Målgrupp");
        doc.Text(a.TargetGroup.Description ?? string.Join(", ", new[]
        {
            a.TargetGroup.AgeFrom is { } f && a.TargetGroup.AgeTo is { } t ? $"Personer mellan {f}–{t} år" : null,
            a.TargetGroup.Need, a.TargetGroup.Area,
        }.Where(x => !string.IsNullOrWhiteSpace(x))));

        doc.Heading(1, "Insatser och åtaganden");
        if (goals.Any(g => g.Activities.Count > 0))
        {
            doc.Paragraph("Nedan anges de aktiviteter som avses genomföras inom ramen för partnerskapet.");
            doc.Heading(2, "Aktiviteter och ansvar");
            var activityRows = new List<string[]>();
            foreach (var g in goals.Where(g => g.Activities.Count > 0))
            {
                activityRows.Add([g.Title, ""]);
                activityRows.AddRange(g.Activities.OrderBy(x => x.SortOrder).Select(x => new[] { x.Description, x.ResourcesAndResponsibility ?? "" }));
            }
            doc.Table("Aktiviteter och ansvar", ["Aktiviteter", "Resurser och ansvar"], activityRows);
        }

        doc.Heading(1, "Organisation/struktur för partnerskapet");
        doc.Text(a.SteeringGroupText);
        Members(doc, "Styrgrupp för partnerskapet består av;", a.GroupMembers.Where(m => m.Group == GroupKind.SteeringGroup));
        Members(doc, "Arbetsgrupp i partnerskapet består av;", a.GroupMembers.Where(m => m.Group == GroupKind.WorkingGroup));
        doc.Text(a.WorkingGroupText ?? a.WorkingGroupCadence);

        doc.Heading(1, "Ekonomi och resurser");
        doc.Heading(2, "Resurser");
        doc.Text(a.ResourcesText);
        foreach (var c in a.InKindContributions.OrderBy(c => c.Id))
        {
            doc.ListItem($"{c.PartyName}: {c.Description}");
        }
        doc.Heading(2, "Ekonomi");
        doc.Text(a.EconomyText);
        if (a.BudgetLines.Count > 0)
        {
            doc.Table("Budget", ["Typ av kostnad", "Kostnad finansierad genom IoP"],
                a.BudgetLines.OrderBy(l => l.SortOrder).Select(l => new[] { l.CostType, Format.Sek(l.Amount) })
                    .Append(["Summa", Format.Sek(a.BudgetLines.Sum(l => l.Amount))]),
                rightAlignLastColumn: true);
        }
        if (a.WithoutGrant)
        {
            doc.Paragraph("Överenskommelsen omfattar inget ekonomiskt bidrag; parterna bidrar med egna insatser.");
        }
        else if (a.AnnualGrant is { } grant)
        {
            doc.Paragraph($"Årligt bidrag: {Format.Sek(grant)}" + (a.Grants.VariesByYear && a.GrantAdjustment is not null ? $" för {a.StartDate.Year}." : "."));
        }
        if (a.GrantAdjustment == GrantAdjustmentKind.Percentage && a.AdjustmentPercent is { } pct)
        {
            doc.Paragraph($"Bidraget räknas upp med {Format.Number(pct)} procent per år.");
        }
        else if (a.GrantAdjustment == GrantAdjustmentKind.Index && a.AdjustmentIndex is { } index)
        {
            doc.Paragraph($"Bidraget räknas om årligen enligt {index}.");
        }
        if (a.OneOffAmount is { } once)
        {
            doc.Paragraph($"Därutöver ett engångsbelopp om {Format.Sek(once)} år {a.Grants.OneOffIn}" + (a.OneOffPurpose is { } why ? $" för {why}." : "."));
        }
        if (!a.WithoutGrant && a.AnnualGrant is not null && a.Grants.VariesByYear)
        {
            // Only years whose amount is known: an index value not yet published is not an amount.
            doc.Table("Bidrag per år", ["År", "Bidrag"],
                a.Grants.Years.Where(y => y.Total is not null).Select(y => new[] { y.Year.ToString(CultureInfo.InvariantCulture), Format.Sek(y.Total!.Value) }),
                rightAlignLastColumn: true);
        }
        var inv = a.Invoicing;
        if (inv.Frequency is not null || inv.LatestInvoiceDate is not null)
        {
            doc.Paragraph($"{nonProfit?.OrganisationName ?? "Organisationen"} fakturerar {publicBody?.OrganisationName ?? "förvaltningen"} {(inv.Frequency ?? "").ToLower(CultureInfo.GetCultureInfo("sv-SE"))}" +
                (inv.LatestInvoiceDate is { } d ? $", senast den {Format.Date(d)}." : "."));
        }
        if (inv.InvoiceAddress is not null || inv.InvoiceReference is not null)
        {
            doc.Paragraph("Faktureringsadress:");
            doc.Text(string.Join("\n", new[] { inv.InvoiceAddress, inv.InvoiceReference }.Where(x => !string.IsNullOrWhiteSpace(x))));
        }
        if (inv.PaymentTermsDays is { } days)
        {
            doc.Paragraph($"Fakturor till förvaltningen skickas alltid med {days} dagars förfallotid.");
        }

        doc.Heading(1, "Partnerskapets tidsperiod");
        var first = a.Extensions.OrderBy(e => e.NewEndDate).FirstOrDefault()?.PreviousEndDate ?? a.EndDate;
        // "Initialt" only where the agreement can be, or has been, extended.
        var extendable = a.LatestExtensionDate is not null || a.Extensions.Count > 0;
        doc.Paragraph(a.PeriodKnownAsYearsOnly
            ? $"Överenskommelsen gäller {a.StartDate.Year}–{a.EndDate.Year}."
            : $"{(extendable ? "Initialt gäller överenskommelsen" : "Överenskommelsen gäller")} från och med {Format.Date(a.StartDate)} till och med {Format.Date(first)}" +
              (a.LatestExtensionDate is { } latest ? $" med möjlighet till förlängning som längst till och med {Format.Date(latest)}." : "."));
        foreach (var e in a.Extensions.OrderBy(e => e.NewEndDate))
        {
            doc.Paragraph($"Förlängd till och med {Format.Date(e.NewEndDate)}" + (e.Decision?.DecidedOn is { } on ? $" genom beslut {Format.Date(on)}" : "") + (e.Decision?.Paragraph is { } para ? $" {para}" : "") + ".");
        }
        if (a.NoticeReceivedOn is { } notice)
        {
            doc.Paragraph($"Skriftlig uppsägning mottogs {Format.Date(notice)}; överenskommelsen upphör {Format.Date(a.EndDate)}.");
        }

        doc.Heading(1, "Uppföljning/avstämningar under arbetets gång");
        doc.Text(a.Terms.FollowUp);
        doc.Heading(1, "Dokumentation och redovisning");
        doc.Text(a.Terms.Documentation);
        doc.Heading(1, "Omförhandling");
        doc.Text(a.Terms.Renegotiation);
        doc.Heading(1, "Uppsägning och oenighet mellan parterna");
        doc.Text(a.Terms.Termination ?? (a.NoticePeriodMonths is { } months
            ? $"Respektive part äger rätt att när som helst säga upp överenskommelsen med en varseltid om {months} månader. En begäran om överenskommelsens upphörande ska vara skriftlig."
            : null));
        doc.Text(a.Terms.ForceMajeure);
        doc.Heading(1, "Sekretess och tystnadsplikt i förekommande fall");
        doc.Text(a.Terms.Confidentiality);
        doc.Heading(1, "Slutrapport");
        doc.Text(a.Terms.FinalReport);

        doc.Heading(1, "Underskrifter av behöriga företrädare");
        doc.Text(a.Terms.Signatures);
        doc.Table("Underskrifter", ["Part", "Namn", "Befattning", "Datum"], a.Parties.OrderBy(p => p.SortOrder).Select(p => new[]
        {
            p.OrganisationName, p.SignatoryName ?? "", p.SignatoryTitle ?? "", p.SignedOn is { } s ? Format.Date(s) : "",
        }));
        doc.Heading(1, "Bilagor");
        foreach (var (x, i) in a.Attachments.OrderBy(x => x.SortOrder).ThenBy(x => x.Id).Select((x, i) => (x, i)))
        {
            doc.ListItem($"Bilaga {i + 1}: {x.Title}" + (x.Document is { } d ? $" (diarienummer {d.CaseNumber}-{d.Sequence})" : ""));
        }
        return doc.ToArray();
    }

    private static string Describe(ExpectedResult r)
    {
        var text = r.Description;
        if (r.ResponsibleOrganisation is { } o)
        {
            text += $" ({o.Name})";
        }
        // The target as the agreement states it ("minst 50 procent flickor"), after the agreement's own sentence.
        if (r.Rule.Phrase(JsonStringLocalizer.InSwedish) is { Length: > 0 } measure)
        {
            text = $"{text.TrimEnd('.', ' ')}. Mål: {measure}.";
        }
        if (r.AddedOn is not null || r.AddedByDecision is not null)
        {
            text += $" [tillagt under partnerskapet {Format.Date(r.AddedOn, "datum okänt")}" + (r.AddedByDecision?.Paragraph is { } p ? $", {p}" : "") + "]";
        }
        return text;
    }

    private static void Members(DocxWriter doc, string lead, IEnumerable<GroupMember> members)
    {
        var list = members.OrderBy(m => m.SortOrder).ToList();
        if (list.Count == 0)
        {
            return;
        }
        doc.Paragraph(lead);
        foreach (var m in list)
        {
            var fte = m.Fte is { } f ? $"{Format.Number(f)} resurs " : "";
            doc.ListItem((m.IsAdjunct ? "Adjungerad representant utan beslutanderätt " : "") + $"{fte}från {m.OrganisationName}, {m.Role.ToLower(CultureInfo.GetCultureInfo("sv-SE"))}");
        }
    }

    private static string JoinSwedish(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " och " + list[^1];
    }
}
