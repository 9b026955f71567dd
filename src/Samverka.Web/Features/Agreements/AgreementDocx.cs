using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Format = Samverka.Web.Infrastructure.Format;

namespace Samverka.Web.Features.Agreements;

/// <summary>Writes an agreement as a Word document that reads like the signed original (seed 001): same sections, same order.</summary>
public static class AgreementDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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

    public static byte[] Create(Agreement a, DateOnly today)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            doc.PackageProperties.Title = a.Title;
            doc.PackageProperties.Creator = "Samverka";
            new Writer(body).Agreement(a, today);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1418, Bottom = 1418, Left = 1418U, Right = 1418U, Header = 709U, Footer = 709U, Gutter = 0U }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private sealed class Writer(Body body)
    {
        public void Agreement(Agreement a, DateOnly today)
        {
            Paragraph(a.Title, "Title");
            var nonProfit = a.Parties.Where(p => p.Role == PartyRole.NonProfit).OrderBy(p => p.SortOrder).FirstOrDefault();
            var publicBody = a.Parties.Where(p => p.Role == PartyRole.PublicBody).OrderBy(p => p.SortOrder).FirstOrDefault();
            var goals = a.Goals.OrderBy(g => g.Number).ToList();

            Heading("Samhällsutmaning");
            Text(a.SocietalChallenge);
            if (goals.Count > 0)
            {
                Paragraph("Partnerskapet syftar till att komma till rätta med att:");
                foreach (var g in goals)
                {
                    Paragraph($"Mål {g.Number}: {g.Title}" + (string.IsNullOrWhiteSpace(g.Problem) ? "" : $" – {g.Problem}"), "ListParagraph");
                }
            }
            Text(a.Agenda2030Text ?? (a.Agenda2030Goals.Count > 0
                ? "Partnerskapet syftar till att bidra till Agenda 2030:s hållbarhetsmål " + string.Join(" och ", a.Agenda2030Goals.Select(Agenda2030Name).Select(n => n.ToLower(CultureInfo.GetCultureInfo("sv-SE")))) + "."
                : null));
            foreach (var footnote in a.ChallengeFigures.GroupBy(f => f.FootnoteNumber).OrderBy(f => f.Key))
            {
                var text = string.Join(" respektive ", footnote.Select(f => f.Text)) +
                    string.Concat(footnote.Where(f => f.Source is not null).Select(f => $" (källa: {f.Source})"));
                Paragraph($"{Superscript(footnote.Key)} {text}", "FootnoteText");
            }

            Heading("Parter");
            Table(["Part", "Org.nr", "Adress", "Kontakt", "Beslutandenivå"],
                a.Parties.OrderBy(p => p.SortOrder).Select(p => new[]
                {
                    p.OrganisationName, p.OrganisationNumber ?? "okänt", p.Address ?? "",
                    string.Join(" ", new[] { p.ContactName, p.ContactEmail }.Where(x => !string.IsNullOrWhiteSpace(x))), p.DecisionLevel ?? "",
                }));
            if (a.CooperatingOrganisations.Count > 0)
            {
                Paragraph("Utöver parterna ovan är " + JoinSwedish(a.CooperatingOrganisations.Select(c => c.Name.ToLower(CultureInfo.GetCultureInfo("sv-SE")))) +
                    (a.CooperatingOrganisations.Count == 1 ? " samverkande organisation." : " samverkande organisationer."));
            }

            Heading("Syfte och mål");
            Text(a.Purpose);
            Heading("Mål och aktiviteter", 2);
            Table(["Mål", "Förväntat resultat"], goals.Select(g => new[]
            {
                g.Title + (string.IsNullOrWhiteSpace(g.Problem) ? "" : "\n" + g.Problem),
                string.Join("\n", g.ExpectedResults.OrderBy(r => r.SortOrder).Select(Describe).Append(g.Note ?? "").Where(s => s.Length > 0)),
            }));

            Heading("Metod");
            Text(a.Method);
            Heading("Värdegrund/förhållningssätt", 2);
            Text(a.Values);

            Heading("Målgrupp");
            Text(a.TargetGroup.Description ?? string.Join(", ", new[]
            {
                a.TargetGroup.AgeFrom is { } f && a.TargetGroup.AgeTo is { } t ? $"Personer mellan {f}–{t} år" : null,
                a.TargetGroup.Need, a.TargetGroup.Area,
            }.Where(x => !string.IsNullOrWhiteSpace(x))));

            Heading("Insatser och åtaganden");
            Paragraph("Nedan anges de aktiviteter som avses genomföras inom ramen för partnerskapet.");
            Heading("Aktiviteter och ansvar", 2);
            var activityRows = new List<string[]>();
            foreach (var g in goals)
            {
                activityRows.Add([g.Title, ""]);
                activityRows.AddRange(g.Activities.OrderBy(x => x.SortOrder).Select(x => new[] { x.Description, x.ResourcesAndResponsibility ?? "" }));
            }
            Table(["Aktiviteter", "Resurser och ansvar"], activityRows);

            Heading("Organisation/struktur för partnerskapet");
            Text(a.SteeringGroupText);
            Members("Styrgrupp för partnerskapet består av;", a.GroupMembers.Where(m => m.Group == GroupKind.SteeringGroup));
            Members("Arbetsgrupp i partnerskapet består av;", a.GroupMembers.Where(m => m.Group == GroupKind.WorkingGroup));
            Text(a.WorkingGroupText ?? a.WorkingGroupCadence);

            Heading("Ekonomi och resurser");
            Heading("Resurser", 2);
            Text(a.ResourcesText);
            foreach (var c in a.InKindContributions.OrderBy(c => c.Id))
            {
                Paragraph($"{c.PartyName}: {c.Description}", "ListParagraph");
            }
            Heading("Ekonomi", 2);
            Text(a.EconomyText);
            Table(["Typ av kostnad", "Kostnad finansierad genom IoP"],
                a.BudgetLines.OrderBy(l => l.SortOrder).Select(l => new[] { l.CostType, Format.Sek(l.Amount) })
                    .Append(["Summa", Format.Sek(a.BudgetLines.Sum(l => l.Amount))]),
                rightAlignLastColumn: true);
            Paragraph(a.AnnualGrant is { } grant ? $"Årligt bidrag: {Format.Sek(grant)}." : "Årligt bidrag: okänt.");
            var inv = a.Invoicing;
            if (inv.Frequency is not null || inv.LatestInvoiceDate is not null)
            {
                Paragraph($"{nonProfit?.OrganisationName ?? "Organisationen"} fakturerar {publicBody?.OrganisationName ?? "förvaltningen"} {(inv.Frequency ?? "").ToLower(CultureInfo.GetCultureInfo("sv-SE"))}" +
                    (inv.LatestInvoiceDate is { } d ? $", senast den {Format.Date(d)}." : "."));
            }
            if (inv.InvoiceAddress is not null || inv.InvoiceReference is not null)
            {
                Paragraph("Faktureringsadress:");
                Text(string.Join("\n", new[] { inv.InvoiceAddress, inv.InvoiceReference }.Where(x => !string.IsNullOrWhiteSpace(x))));
            }
            if (inv.PaymentTermsDays is { } days)
            {
                Paragraph($"Fakturor till förvaltningen skickas alltid med {days} dagars förfallotid.");
            }

            Heading("Partnerskapets tidsperiod");
            var first = a.Extensions.OrderBy(e => e.NewEndDate).FirstOrDefault()?.PreviousEndDate ?? a.EndDate;
            Paragraph(a.PeriodKnownAsYearsOnly
                ? $"Överenskommelsen gäller {a.StartDate.Year}–{a.EndDate.Year}."
                : $"Initialt gäller överenskommelsen från och med {Format.Date(a.StartDate)} till och med {Format.Date(first)}" +
                  (a.LatestExtensionDate is { } latest ? $" med möjlighet till förlängning som längst till och med {Format.Date(latest)}." : "."));
            foreach (var e in a.Extensions.OrderBy(e => e.NewEndDate))
            {
                Paragraph($"Förlängd till och med {Format.Date(e.NewEndDate)}" + (e.Decision?.DecidedOn is { } on ? $" genom beslut {Format.Date(on)}" : "") + (e.Decision?.Paragraph is { } para ? $" {para}" : "") + ".");
            }
            if (a.NoticeReceivedOn is { } notice)
            {
                Paragraph($"Skriftlig uppsägning mottogs {Format.Date(notice)}; överenskommelsen upphör {Format.Date(a.EndDate)}.");
            }

            Heading("Uppföljning/avstämningar under arbetets gång");
            Text(a.Terms.FollowUp);
            Heading("Dokumentation och redovisning");
            Text(a.Terms.Documentation);
            Heading("Omförhandling");
            Text(a.Terms.Renegotiation);
            Heading("Uppsägning och oenighet mellan parterna");
            Text(a.Terms.Termination ?? $"Respektive part äger rätt att när som helst säga upp överenskommelsen med en varseltid om {a.NoticePeriodMonths} månader. En begäran om överenskommelsens upphörande ska vara skriftlig.");
            Text(a.Terms.ForceMajeure);
            Heading("Sekretess och tystnadsplikt i förekommande fall");
            Text(a.Terms.Confidentiality);
            Heading("Slutrapport");
            Text(a.Terms.FinalReport);

            Heading("Underskrifter av behöriga företrädare");
            Text(a.Terms.Signatures);
            Table(["Part", "Namn", "Befattning", "Datum"], a.Parties.OrderBy(p => p.SortOrder).Select(p => new[]
            {
                p.OrganisationName, p.SignatoryName ?? "", p.SignatoryTitle ?? "", p.SignedOn is { } s ? Format.Date(s) : "",
            }));
        }

        private static string Describe(ExpectedResult r)
        {
            var text = r.Description;
            if (r.ResponsibleOrganisation is { } o)
            {
                text += $" ({o.Name})";
            }
            if (r.AddedOn is not null || r.AddedByDecision is not null)
            {
                text += $" [tillagt under partnerskapet {Format.Date(r.AddedOn, "datum okänt")}" + (r.AddedByDecision?.Paragraph is { } p ? $", {p}" : "") + "]";
            }
            return text;
        }

        private void Members(string lead, IEnumerable<GroupMember> members)
        {
            var list = members.OrderBy(m => m.SortOrder).ToList();
            if (list.Count == 0)
            {
                return;
            }
            Paragraph(lead);
            foreach (var m in list)
            {
                var fte = m.Fte is { } f ? $"{Format.Number(f)} resurs " : "";
                Paragraph((m.IsAdjunct ? "Adjungerad representant utan beslutanderätt " : "") + $"{fte}från {m.OrganisationName}, {m.Role.ToLower(CultureInfo.GetCultureInfo("sv-SE"))}", "ListParagraph");
            }
        }

        private static string JoinSwedish(IEnumerable<string> items)
        {
            var list = items.ToList();
            return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " och " + list[^1];
        }

        private static string Superscript(int n) => n switch { 1 => "¹", 2 => "²", 3 => "³", _ => $"({n})" };

        private void Heading(string text, int level = 1) => Paragraph(text, level == 1 ? "Heading1" : "Heading2");

        /// <summary>Running text: each blank-line-separated part becomes a paragraph, single line breaks stay breaks.</summary>
        private void Text(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }
            foreach (var part in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Paragraph(part);
            }
        }

        private void Paragraph(string text, string? style = null) => body.Append(MakeParagraph(text, style));

        private static Paragraph MakeParagraph(string text, string? style = null, bool bold = false, bool right = false)
        {
            var p = new Paragraph();
            var props = new ParagraphProperties();
            if (style is not null)
            {
                props.Append(new ParagraphStyleId { Val = style });
            }
            if (right)
            {
                props.Append(new Justification { Val = JustificationValues.Right });
            }
            if (props.HasChildren)
            {
                p.Append(props);
            }
            var run = new Run();
            if (bold)
            {
                run.Append(new RunProperties(new Bold()));
            }
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    run.Append(new Break());
                }
                run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
            p.Append(run);
            return p;
        }

        private void Table(string[] headers, IEnumerable<string[]> rows, bool rightAlignLastColumn = false)
        {
            var table = new Table();
            table.Append(new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
            var grid = new TableGrid();
            foreach (var _ in headers)
            {
                grid.Append(new GridColumn { Width = (9070 / headers.Length).ToString(CultureInfo.InvariantCulture) });
            }
            table.Append(grid);
            var header = new TableRow(new TableRowProperties(new TableHeader()));
            foreach (var h in headers)
            {
                header.Append(new TableCell(MakeParagraph(h, bold: true)));
            }
            table.Append(header);
            foreach (var row in rows)
            {
                var tr = new TableRow();
                for (var i = 0; i < headers.Length; i++)
                {
                    var value = i < row.Length ? row[i] : "";
                    tr.Append(new TableCell(MakeParagraph(value, right: rightAlignLastColumn && i == headers.Length - 1)));
                }
                table.Append(tr);
            }
            body.Append(table);
            body.Append(new Paragraph());
        }
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" },
                    new FontSize { Val = "22" },
                    new Languages { Val = "sv-SE" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            Style("Normal", "Normal", null, isDefault: true),
            Style("Title", "Title", new StyleRunProperties(new Bold(), new FontSize { Val = "36" })),
            Style("Heading1", "heading 1", new StyleRunProperties(new Bold(), new FontSize { Val = "28" }), new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = 0 })),
            Style("Heading2", "heading 2", new StyleRunProperties(new Bold(), new FontSize { Val = "24" }), new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "200", After = "80" }, new OutlineLevel { Val = 1 })),
            Style("ListParagraph", "List Paragraph", null, new StyleParagraphProperties(new Indentation { Left = "720" })),
            Style("FootnoteText", "footnote text", new StyleRunProperties(new FontSize { Val = "18" })),
            new Style(
                new StyleName { Val = "Table Grid" },
                new BasedOn { Val = "Normal" },
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
        stylesPart.Styles = styles;
        stylesPart.Styles.Save();
    }

    private static Style Style(string id, string name, StyleRunProperties? run, StyleParagraphProperties? paragraph = null, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" });
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }
        if (run is not null)
        {
            style.Append(run);
        }
        return style;
    }
}
