using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Boards;
using Samverka.Web.Features.Decisions;
using Samverka.Web.Features.Municipalities;
using Samverka.Web.Features.Organisations;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Features.Results;

namespace Samverka.Web.Data;

/// <summary>
/// The seed documents as data (shared/seeds 000–003): only what they state. What they leave unknown stays null
/// and is shown as unknown. Loaded once: when any board exists, nothing is added or overwritten.
/// </summary>
public static class DemoData
{
    /// <summary>Rinkeby-Kista and Spånga-Tensta were merged into Järva stadsdelsnämnd on this day.</summary>
    private static readonly DateOnly JarvaFormed = new(2022, 1, 1);

    public const string Password = "Samverka-demo-2026";

    /// <summary>Demo accounts: e-mail, name, role, and the personal API token the README lists.</summary>
    public static readonly (string Email, string Name, UserRole Role, string Token)[] Accounts =
    [
        ("koordinator@jarva.example", "Demo IOP-koordinator (Järva)", UserRole.Coordinator, "svk_demo_koordinator_0000000000000000000000000000"),
        ("handlaggare@jarva.example", "Demo handläggare (Järva)", UserRole.CaseOfficer, "svk_demo_handlaggare_000000000000000000000000000"),
        ("chef@jarva.example", "Demo avdelningschef (Järva)", UserRole.AttestingHead, "svk_demo_chef_0000000000000000000000000000000000"),
        ("ledamot@jarva.example", "Demo nämndledamot (Järva)", UserRole.BoardMember, "svk_demo_ledamot_000000000000000000000000000000"),
        ("partner@folketshusby.example", "Demo medarbetare (Folkets Husby)", UserRole.PartnerUser, "svk_demo_folketshusby_0000000000000000000000000"),
        ("partner@iogt-spanga.example", "Demo medarbetare (IOGT-NTO Spånga)", UserRole.PartnerUser, "svk_demo_iogtspanga_00000000000000000000000000"),
        ("styrgrupp@jobbtorg.example", "Demo adjungerad styrgruppsledamot (Jobbtorg Unga)", UserRole.SteeringGroupMember, "svk_demo_styrgrupp_000000000000000000000000000"),
        ("admin@stockholm.example", "Demo administratör (Stockholms stad)", UserRole.Administrator, "svk_demo_administrator_00000000000000000000000000"),
    ];

    /// <summary>
    /// The categories of the seed's follow-up report (003): age bands, kinds of outcome and of event. The migration that
    /// made the lists a municipality's own gave every existing municipality these, under the same codes.
    /// </summary>
    public static readonly (CategoryKind Kind, string Code, string Name, string NameEn)[] SeedCategories =
    [
        (CategoryKind.AgeBand, "AgeUnder19", "Under 19", "Under 19"),
        (CategoryKind.AgeBand, "Age19To24", "19–24", "19–24"),
        (CategoryKind.AgeBand, "Age25To29", "25–29", "25–29"),
        (CategoryKind.AgeBand, "Age30Plus", "30 eller äldre", "30 or older"),
        (CategoryKind.Outcome, "RegisteredAtJobbtorg", "Inskriven vid Jobbtorg", "Registered at Jobbtorg"),
        (CategoryKind.Outcome, "UnsubsidisedWork", "Till ej subventionerat arbete", "Left for unsubsidised work"),
        (CategoryKind.Outcome, "SubsidisedWork", "Till subventionerat arbete", "Left for subsidised work"),
        (CategoryKind.Outcome, "Studies", "Till studier", "Left for studies"),
        (CategoryKind.Event, "Fair", "Mässa", "Fair"),
        (CategoryKind.Event, "DropInSession", "Drop-in-tillfälle", "Drop-in session"),
        (CategoryKind.Event, "RecruitmentMeeting", "Rekryteringsträff", "Recruitment meeting"),
        (CategoryKind.Event, "MentorshipProgramme", "Mentorskapsprogram", "Mentorship programme"),
        (CategoryKind.Event, "StudyPlace", "Studieplats", "Study place"),
        (CategoryKind.Event, "SummerJobGroup", "Feriearbetsgrupp", "Summer-job group"),
        (CategoryKind.Event, "InformationStand", "Informationsdisk", "Information stand"),
        (CategoryKind.Event, "Other", "Annat", "Other"),
    ];

    /// <summary>A seed category's place in its own list (1 for the first age band, 1 for the first kind of event).</summary>
    public static int PositionOf(CategoryKind kind, string code) => SeedCategories.Where(c => c.Kind == kind).Select(c => c.Code).ToList().IndexOf(code) + 1;

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Boards.AnyAsync())
        {
            return;
        }
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();

        var stockholm = new Municipality { Name = "Stockholms stad", Kind = MunicipalityKind.Municipality, OrganisationNumber = "212000-0142" };
        db.Municipalities.Add(stockholm);
        var jarva = new Board { Municipality = stockholm, Name = "Järva stadsdelsnämnd", AdministrationName = "Järva stadsdelsförvaltning", CaseNumberPattern = "JÄRVA {year}/{n}" };
        var rinkebyKista = new Board { Municipality = stockholm, Name = "Rinkeby-Kista stadsdelsnämnd", AdministrationName = "Rinkeby-Kista stadsdelsförvaltning", CaseNumberPattern = "RK {year}/{n}", Successor = jarva, EndedOn = JarvaFormed.AddDays(-1) };
        var spangaTensta = new Board { Municipality = stockholm, Name = "Spånga-Tensta stadsdelsnämnd", AdministrationName = "Spånga-Tensta stadsdelsförvaltning", CaseNumberPattern = "ST {year}/{n}", Successor = jarva, EndedOn = JarvaFormed.AddDays(-1) };
        db.Boards.AddRange(jarva, rinkebyKista, spangaTensta);
        await db.SaveChangesAsync();
        // The follow-up report's categories (seed 003) as the municipality's lists.
        db.ReportingCategories.AddRange(SeedCategories.Select(c => new ReportingCategory { MunicipalityId = stockholm.Id, Kind = c.Kind, Code = c.Code, Name = c.Name, NameEn = c.NameEn, Position = PositionOf(c.Kind, c.Code) }));
        await db.SaveChangesAsync();

        var folketsHusby = new Organisation
        {
            Name = "Folkets Husby",
            Kind = OrganisationKind.NonProfit,
            OrganisationNumber = "802497-1221",
            Address = "Edvard Griegsgången 16, Kista",
            ContactName = "Hedvig Wiezell",
            ContactEmail = "hedvig@folketshusby.se",
            DecisionMakingBody = "Styrelse",
        };
        var jarvaAdministration = new Organisation
        {
            Name = "Järva stadsdelsförvaltning",
            Kind = OrganisationKind.PublicBody,
            OrganisationNumber = "212000-0142",
            Address = "Elinsborgsbacken 3, Tensta",
            ContactName = "Adrian Göransson",
            ContactEmail = "adrian.goransson@stockholm.se",
            DecisionMakingBody = "Stadsdelsnämnd",
            BoardId = jarva.Id,
        };
        var iogt = new Organisation { Name = "IOGT-NTO Spånga", Kind = OrganisationKind.NonProfit };
        iogt.FormerNames.Add(new OrganisationFormerName { Name = "Spånga Blåbandsförening" });
        // Cooperating organisations: take part without being parties (seed 001).
        var jobbtorg = new Organisation { Name = "Arbetsmarknadsförvaltningen, Jobbtorg Unga", Kind = OrganisationKind.PublicBody };
        var vux = new Organisation { Name = "Vuxenutbildningen", Kind = OrganisationKind.PublicBody };
        db.Organisations.AddRange(folketsHusby, jarvaAdministration, iogt, jobbtorg, vux);
        await db.SaveChangesAsync();

        var husby = new Partnership
        {
            Name = "IOP Folkets Husby – arbete och studier för unga i Järva",
            Board = jarva,
            Organisation = folketsHusby,
            CaseNumber = "JÄRVA 2023/549",
            Description = "Stöd för arbete och studier för unga 19–29 år i Järva (seed 001, 003).",
        };
        husby.Agreements.Add(FolketsHusby2024(folketsHusby, jarvaAdministration, jarva, now));

        var husbyEarlier = new Partnership
        {
            Name = "IOP Folkets Husby – lokal demokrati och delaktighet",
            Board = rinkebyKista,
            Organisation = folketsHusby,
            Description = "Tidigare IOP med dåvarande Rinkeby-Kista stadsdelsnämnd med fokus på lokal demokrati, delaktighet och verksamhet för kvinnor och föräldrar; löpte ut sista december 2021 (seed 000).",
        };
        husbyEarlier.Agreements.Add(new Agreement
        {
            Title = "Överenskommelse Folkets Husby och Rinkeby-Kista stadsdelsnämnd",
            StartDate = new DateOnly(2021, 1, 1),
            EndDate = new DateOnly(2021, 12, 31),
            PeriodKnownAsYearsOnly = true,
            Stage = AgreementStage.Signed,
            Purpose = "Lokal demokrati, delaktighet och verksamhet för kvinnor och föräldrar.",
            SourceNote = "Källan (seed 000) anger bara att avtalet löpte ut sista december 2021; startdatum, bidrag och innehåll i övrigt är okända.",
            Parties =
            {
                Party(folketsHusby, PartyRole.NonProfit, 0) ,
                new AgreementParty { Organisation = jarvaAdministration, OrganisationName = "Rinkeby-Kista stadsdelsförvaltning", Role = PartyRole.PublicBody, SortOrder = 1 },
            },
        });

        var spanga = new Partnership
        {
            Name = "IOP IOGT-NTO Spånga – mötesplats för kvinnor i Tensta",
            Board = jarva,
            Organisation = iogt,
            Description = "Mötesplats för kvinnor i Tensta: stöd och rådgivning kring egenmakt, studier, jobb och socialt företagande (seed 002).",
        };
        const string Purpose002 = "Mötesplats för kvinnor i Tensta där kvinnor får stöd och rådgivning kring egenmakt, studier, jobb och socialt företagande.";
        spanga.Agreements.Add(new Agreement
        {
            Title = "Överenskommelse Spånga Blåbandsförening och Spånga-Tensta stadsdelsnämnd 2018–2022",
            StartDate = new DateOnly(2018, 1, 1),
            EndDate = new DateOnly(2022, 12, 31),
            LatestExtensionDate = new DateOnly(2023, 2, 28),
            PeriodKnownAsYearsOnly = true,
            Stage = AgreementStage.Signed,
            Purpose = Purpose002,
            SourceNote = "Slutrapporten (seed 002) anger perioden 2018–2022 med möjlighet till ettåriga förlängningar till och med 2023-02-28; exakta datum, bidrag och innehåll är okända.",
            Parties =
            {
                new AgreementParty { Organisation = iogt, OrganisationName = "Spånga Blåbandsförening", Role = PartyRole.NonProfit, SortOrder = 0 },
                new AgreementParty { Organisation = jarvaAdministration, OrganisationName = "Spånga-Tensta stadsdelsförvaltning", Role = PartyRole.PublicBody, SortOrder = 1 },
            },
        });
        spanga.Agreements.Add(new Agreement
        {
            Title = "Överenskommelse IOGT-NTO Spånga 2023",
            StartDate = new DateOnly(2023, 1, 1),
            EndDate = new DateOnly(2023, 12, 31),
            PeriodKnownAsYearsOnly = true,
            Stage = AgreementStage.Signed,
            Purpose = Purpose002,
            SourceNote = "Slutrapporten (seed 002) anger att den andra överenskommelsen gällde under 2023; exakta datum, bidrag och innehåll är okända.",
            Parties = { Party(iogt, PartyRole.NonProfit, 0), Party(jarvaAdministration, PartyRole.PublicBody, 1) },
        });
        spanga.Agreements.Add(new Agreement
        {
            Title = "Överenskommelse om idéburet offentligt partnerskap (IOP) mellan Järva stadsdelsnämnd och IOGT-NTO Spånga 2024",
            StartDate = new DateOnly(2024, 1, 1),
            EndDate = new DateOnly(2024, 12, 31),
            Stage = AgreementStage.Signed,
            Purpose = Purpose002,
            SourceNote = "Slutrapporten (seed 002) anger att överenskommelsen för 2024 löper ut den 31 december 2024 och att partnerskapet inte ska omförhandlas; bidrag och innehåll är okända.",
            Parties = { Party(iogt, PartyRole.NonProfit, 0), Party(jarvaAdministration, PartyRole.PublicBody, 1) },
        });

        db.Partnerships.AddRange(husby, husbyEarlier, spanga);
        await db.SaveChangesAsync();
        await FollowUp2024Async(db, husby, now);

        await SeedAccountsAsync(services, db, jarva, folketsHusby, iogt, husby, now);
    }

    /// <summary>The 2024 follow-up (seed 003) as figures, tied to the targets they measure. Choices where the seed is vague are stated in the notes.</summary>
    private static async Task FollowUp2024Async(AppDbContext db, Partnership husby, DateTimeOffset now)
    {
        var agreement = husby.Agreements.Single();
        var g1 = agreement.Goals.Single(g => g.Number == 1);
        var g2 = agreement.Goals.Single(g => g.Number == 2);
        var g3 = agreement.Goals.Single(g => g.Number == 3);
        var fairs = g1.ExpectedResults.Single(r => r.SortOrder == 0);
        var reached = g1.ExpectedResults.Single(r => r.SortOrder == 1);
        var gender = g1.ExpectedResults.Single(r => r.SortOrder == 2);
        var mentorship = g2.ExpectedResults.Single(r => r.SortOrder == 0);
        var studyFairs = g3.ExpectedResults.Single(r => r.SortOrder == 0);

        var registrations = new ExpectedResult
        {
            SortOrder = 3,
            Description = "50 ungdomar från målgruppen ska skrivas in vid Jobbtorg.",
            Kind = TargetKind.Count,
            TargetValue = 50,
            Unit = "inskrivna",
            Note = "Tillkom under 2024; finns inte i överenskommelsens tabell. Uppföljningen 2024 (seed 003) anger inte datum eller beslut.",
            AddedByDecision = new Decision
            {
                MadeBy = DecisionMaker.NotStated,
                BoardId = husby.BoardId,
                CaseNumber = husby.CaseNumber,
                Summary = "Mätetal som tagits fram under partnerskapet 2024 (Fler mätetal tas fram under partnerskapet).",
            },
        };
        g1.ExpectedResults.Add(registrations);
        await db.SaveChangesAsync();

        const string Vague = "Uppföljningen anger \"drygt 50\" per mässa (drygt 100 totalt); registrerat som 51.";
        var start = new DateOnly(2024, 1, 1);
        var end = new DateOnly(2024, 12, 31);
        Figure Linked(Figure f, params ExpectedResult[] targets)
        {
            f.RecordedAt = now;
            f.RecordedByName = "Demodata (seed 003)";
            f.Targets.AddRange(targets.Select(t => new FigureTarget { ExpectedResultId = t.Id }));
            return f;
        }
        var report = new ResultReport
        {
            PartnershipId = husby.Id,
            AgreementId = agreement.Id,
            PeriodStart = start,
            PeriodEnd = end,
            Status = ReportStatus.Approved,
            Figures =
            [
                Linked(new Figure { Kind = FigureKind.Event, EventKind = "Fair", From = new DateOnly(2024, 4, 1), To = new DateOnly(2024, 4, 30), Title = "Studiemässa i april, tema personliga utbildningsresor", Total = 51, Note = Vague + " Dag i april anges inte." }, fairs, reached, studyFairs),
                Linked(new Figure { Kind = FigureKind.Event, EventKind = "Fair", From = start, To = end, Title = "Studiemässa", Total = 51, Note = Vague + " Datum anges inte." }, fairs, reached, studyFairs),
                Linked(new Figure { Kind = FigureKind.PeopleReached, From = start, To = end, Title = "Nådda i målgruppen utöver mässorna (drop-in, uppsökande arbete, rekryteringsträff)", Total = 199, Note = "Uppföljningen anger drygt 300 nådda, varav drygt 100 på mässorna; resten registrerat som 199 så att summan blir 301." }, reached),
                Linked(new Figure { Kind = FigureKind.DropInVisits, From = new DateOnly(2024, 2, 1), To = end, Title = "Drop-in, en tid i veckan", Total = 146 }),
                Linked(new Figure { Kind = FigureKind.Participants, EventKind = "MentorshipProgramme", From = start, To = end, Title = "Mentorskapsprogrammet", Started = 8 }, mentorship),
                Linked(new Figure { Kind = FigureKind.Outcome, OutcomeKind = "RegisteredAtJobbtorg", From = start, To = end, Title = "Inskrivna via drop-in på Kompetensverkstan i Husby", Total = 47 }, registrations),
                Linked(new Figure { Kind = FigureKind.Outcome, OutcomeKind = "UnsubsidisedWork", From = start, To = end, Title = "Av de inskrivna: avslutade till ej subventionerat arbete", Total = 18 }),
                Linked(new Figure { Kind = FigureKind.Outcome, OutcomeKind = "SubsidisedWork", From = start, To = end, Title = "Av de inskrivna: avslutade till subventionerat arbete", Total = 4 }),
                Linked(new Figure { Kind = FigureKind.Outcome, OutcomeKind = "Studies", From = start, To = end, Title = "Av de inskrivna: avslutade till studier", Total = 1 }),
                Linked(new Figure { Kind = FigureKind.GenderSplit, From = new DateOnly(2024, 2, 1), To = new DateOnly(2024, 3, 31), Title = "Könsfördelning inledningsvis", MenPercent = 70, WomenPercent = 30, Note = "\"Inledningsvis\" enligt uppföljningen; exakt period anges inte." }, gender),
                Linked(new Figure { Kind = FigureKind.GenderSplit, From = new DateOnly(2024, 10, 1), To = end, Title = "Könsfördelning mot slutet av året", MenPercent = 55, WomenPercent = 45, Note = "Verksamheten \"närmat sig\" 55 procent män och 45 procent kvinnor enligt uppföljningen." }, gender),
            ],
            History =
            [
                new ReportEvent { Status = ReportStatus.Submitted, At = now, ByName = "Demodata (seed 003)" },
                new ReportEvent { Status = ReportStatus.Approved, At = now, ByName = "Demodata (seed 003)", Comment = "Uppföljningen godkänd, Dnr JÄRVA 2023/549 (2025-05-26)." },
            ],
        };
        db.ResultReports.Add(report);
        db.Set<TargetExplanation>().AddRange(
            new TargetExplanation { ExpectedResultId = mentorship.Id, Year = 2024, RecordedAt = now, RecordedByName = "Demodata (seed 003)", Text = "Mentorskapsprogrammet engagerade åtta ungdomar. Målsättningen var sexton. Orsaken till att målsättningen inte uppnåddes var att den första aktören som skulle erbjuda mentorer drog sig ur vilket försenade arbetet." },
            new TargetExplanation { ExpectedResultId = registrations.Id, Year = 2024, RecordedAt = now, RecordedByName = "Demodata (seed 003)", Text = "Målet att 50 ungdomar skulle skrivas in vid Jobbtorg har varit svårare att nå. En analys i augusti visade på behov av mer träffsäkert uppsökande utifrån det stora antalet som nåtts men inte blivit inskrivna." },
            new TargetExplanation { ExpectedResultId = gender.Id, Year = 2024, RecordedAt = now, RecordedByName = "Demodata (seed 003)", Text = "Fördelningen var inledningsvis 70 procent män och 30 procent kvinnor. Ansträngningar gjordes för att nå fler kvinnor, bland annat genom kontakt med föräldrar som hänvisat syskon och personer i nätverket." });
        await db.SaveChangesAsync();

        // Seed 003: the steering group met four times in 2024 (the agreement planned every other month); dates are not given.
        db.Meetings.AddRange(Enumerable.Range(1, 4).Select(i => new Features.Meetings.Meeting
        {
            PartnershipId = husby.Id,
            Group = GroupKind.SteeringGroup,
            HeldInYear = 2024,
            Note = $"Styrgruppsmöte {i} av 4 under 2024 enligt uppföljningen (seed 003); datum, närvaro och protokoll anges inte.",
        }));
        db.Deviations.Add(new Features.Meetings.Deviation
        {
            PartnershipId = husby.Id,
            AgreementId = agreement.Id,
            Subject = Features.Meetings.DeviationSubject.Target,
            SubjectId = mentorship.Id,
            WhatDiffers = "Mentorskapsprogrammet engagerade åtta ungdomar i stället för sexton.",
            Why = "Den första aktören som skulle erbjuda mentorer drog sig ur, vilket försenade arbetet.",
            Consequence = "Målet om 16 deltagare per år nås inte 2024.",
            RaisedOn = new DateOnly(2024, 12, 31),
            RaisedBy = "Demodata (seed 003)",
        });
        await db.SaveChangesAsync();
    }

    private static AgreementParty Party(Organisation o, PartyRole role, int order) => new()
    {
        Organisation = o,
        OrganisationName = o.Name,
        OrganisationNumber = o.OrganisationNumber,
        Address = o.Address,
        ContactName = o.ContactName,
        ContactEmail = o.ContactEmail,
        DecisionLevel = o.DecisionMakingBody,
        Role = role,
        SortOrder = order,
    };

    private static async Task SeedAccountsAsync(IServiceProvider services, AppDbContext db, Board jarva, Organisation husbyOrg, Organisation iogt, Partnership husby, DateTimeOffset now)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        foreach (var (email, name, role, token) in Accounts)
        {
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                Role = role,
                BoardId = role is UserRole.Coordinator or UserRole.CaseOfficer or UserRole.AttestingHead or UserRole.BoardMember ? jarva.Id : null,
                OrganisationId = role == UserRole.PartnerUser ? (email.Contains("iogt", StringComparison.Ordinal) ? iogt.Id : husbyOrg.Id) : null,
                MunicipalityId = role == UserRole.Administrator ? jarva.MunicipalityId : null,
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
            db.ApiTokens.Add(ApiTokens.Create(user.Id, "Demo", token, now));
            if (role == UserRole.SteeringGroupMember)
            {
                db.PartnershipMembers.Add(new PartnershipMember { PartnershipId = husby.Id, UserId = user.Id, IsAdjunct = true });
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Seed 001, section by section.</summary>
    private static Agreement FolketsHusby2024(Organisation husby, Organisation jarvaAdm, Board jarva, DateTimeOffset now)
    {
        var a = new Agreement
        {
            Title = "Överenskommelse Folkets Husby",
            StartDate = new DateOnly(2024, 1, 1),
            EndDate = new DateOnly(2024, 12, 31),
            LatestExtensionDate = new DateOnly(2026, 12, 31),
            NoticePeriodMonths = 3,
            AnnualGrant = 1_400_000m,
            SocietalChallenge = SeedText.Challenge,
            Purpose = SeedText.Purpose,
            Method = SeedText.Method,
            Values = SeedText.Values,
            TargetGroup = new TargetGroup
            {
                Description = "Personer mellan 19-29 år i behov av stöd gällande arbete, praktik och/eller studier tillhörande Järva stadsdelsområde, särskilt norra delarna av Järva där Folkets Husby har en lokal närvaro på en etablerad plats.",
                AgeFrom = 19,
                AgeTo = 29,
                Area = "Järva stadsdelsområde, särskilt norra delarna av Järva",
                Need = "Stöd gällande arbete, praktik och/eller studier",
            },
            Agenda2030Goals = [1, 10],
            Agenda2030Text = "Partnerskapet syftar till att bidra till Agenda 2030:s hållbarhetsmål ingen fattigdom och minskad ojämlikhet genom att bidra till att minska ojämlika levnadsförhållanden och till att öka den ekonomiska jämställdheten för målgruppen.",
            SteeringGroupIntervalMonths = 2,
            SteeringGroupText = SeedText.SteeringGroup,
            WorkingGroupCadence = "Arbetsgruppen träffas löpande.",
            WorkingGroupText = SeedText.WorkingGroup,
            ResourcesText = SeedText.Resources,
            EconomyText = SeedText.Economy,
            Invoicing = new Invoicing
            {
                Frequency = "En gång per år",
                InvoicesPerYear = 1,
                LatestInvoiceDate = new DateOnly(2024, 5, 31),
                PaymentTermsDays = 30,
                InvoiceAddress = "Järva stadsdelsförvaltning\nBox 90111\n120 21 Stockholm",
                InvoiceReference = "Ref 0530, Kund-ID STH 701",
            },
            Terms = new StandingTerms
            {
                FollowUp = SeedText.FollowUp,
                Documentation = SeedText.Documentation,
                Renegotiation = SeedText.Renegotiation,
                Termination = SeedText.Termination,
                ForceMajeure = SeedText.ForceMajeure,
                Confidentiality = SeedText.Confidentiality,
                FinalReport = SeedText.FinalReport,
                Signatures = SeedText.Signatures,
            },
            SourceNote = "Ur överenskommelsen (seed 001) och nyheten om förslaget (seed 000). Datum för beslut, paragraf och underskrifter anges inte i källorna.",
            Stage = AgreementStage.Signed,
            ProposedForMeetingOn = new DateOnly(2023, 11, 30),
            Decision = new Decision
            {
                MadeBy = DecisionMaker.Board,
                BoardId = jarva.Id,
                CaseNumber = "JÄRVA 2023/549",
                Summary = "Överenskommelse om IOP med Folkets Husby 2024, med möjlighet till förlängning till och med 2026-12-31.",
            },
        };
        a.ChallengeFigures.Add(new ChallengeFigure { FootnoteNumber = 1, Text = "13,2 procent 2021 i f.d. Rinkeby-Kista", Value = 13.2m, Unit = "procent", Year = 2021, Area = "f.d. Rinkeby-Kista" });
        a.ChallengeFigures.Add(new ChallengeFigure { FootnoteNumber = 1, Text = "11,6 procent i Spånga-Tensta", Value = 11.6m, Unit = "procent", Year = 2021, Area = "Spånga-Tensta" });
        a.ChallengeFigures.Add(new ChallengeFigure { FootnoteNumber = 2, Text = "8 procent 2021", Value = 8m, Unit = "procent", Year = 2021, Area = "Genomsnittet i staden" });

        var husbyParty = Party(husby, PartyRole.NonProfit, 0);
        husbyParty.SignatoryName = "Hedvig Wiezell";
        husbyParty.SignatoryTitle = "Verksamhetschef";
        var jarvaParty = Party(jarvaAdm, PartyRole.PublicBody, 1);
        jarvaParty.SignatoryName = "Victoria Callenmark";
        jarvaParty.SignatoryTitle = "Stadsdelsdirektör";
        a.Parties.AddRange([husbyParty, jarvaParty]);

        a.CooperatingOrganisations.Add(new CooperatingOrganisation { Name = "Arbetsmarknadsförvaltningen genom Jobbtorg", Description = "Samverkande organisation, inte part." });
        a.CooperatingOrganisations.Add(new CooperatingOrganisation { Name = "Vuxenutbildningen", Description = "Samverkande organisation, inte part." });

        var g1 = new Goal
        {
            Number = 1,
            Title = "Tillgängliggöra befintligt stöd för arbete och studier",
            Problem = "Syftar till att komma till rätta med problemet att målgruppen saknar kunskap om stöd samt att de samarbetande aktörerna behöver hitta nya vägar för att nå ut med befintligt stöd.",
            Note = "Fler mätetal tas fram under partnerskapet.",
        };
        g1.ExpectedResults.Add(new ExpectedResult { SortOrder = 0, Description = "Två genomförda arrangemang, 50 stycken besökare per arrangemang", Kind = TargetKind.CountPerEvent, EventCount = 2, TargetValue = 50, Unit = "besökare", ResponsibleOrganisation = husby });
        g1.ExpectedResults.Add(new ExpectedResult { SortOrder = 1, Description = "Antal nådda i målgruppen ska totalt uppgå till 300 kvinnor och män.", Kind = TargetKind.Count, TargetValue = 300, Unit = "personer" });
        g1.ExpectedResults.Add(new ExpectedResult
        {
            SortOrder = 2,
            Description = "Könsfördelning om 60% resp. 40%.",
            Kind = TargetKind.GenderShare,
            Direction = TargetDirection.Within,
            Tolerance = 5,
            MenSharePercent = 60,
            WomenSharePercent = 40,
            Note = "Överenskommelsen anger inte vilket kön 60 % avser. Tolkat som 60 % män och 40 % kvinnor, så som uppföljningen 2024 (seed 003) jämför utfallet. Toleransen ±5 procentenheter anges inte heller i överenskommelsen; den är den bedömning Samverka tidigare gjorde för alla könsfördelningar.",
        });
        g1.Activities.AddRange(
        [
            new Activity { SortOrder = 0, Description = "Genomföra orsaksanalys med syfte att förstå varför aktörerna inte ut når med information till målgruppen genom befintliga kanaler.", ResourcesAndResponsibility = "Järva stadsdelsförvaltning, utvecklingsenhet leder arbetet samt dokumenterar orsaksanalys. Samtliga aktörer bidrar till analysen.", LeadOrganisationId = jarvaAdm.Id },
            new Activity { SortOrder = 1, Description = "Hitta nya sätt att nå ut till målgruppen med information som syftar till att uppnå målet.", ResourcesAndResponsibility = "Folkets Husby ansvarar med stöd av arbetsgrupp (se organisation).", LeadOrganisationId = husby.Id },
            new Activity { SortOrder = 2, Description = "Drop in-verksamhet med tillgängliga kontaktpersoner från samtliga samverkande aktörer. Funktioner (om möjligt en namngiven person som kan vara ansiktet utåt) såsom jobbcoacher från Jobbtorg, studie- och yrkesvägledare etcetera. Funktionerna genomför aktiviteter som bemannade informationsdiskar, drop in-tider samt anordnandet av mässor. Samverkan sker även med vuxenutbildningen för länkning till SYV från vuxenutbildningen på plats på Medborgarkontoret.", ResourcesAndResponsibility = "Samtliga samverkande aktörer bidrar med tid på plats vardera minst 1 dag per vecka." },
            new Activity { SortOrder = 3, Description = "Samverkan kring överföring av de yngre i målgruppen.", ResourcesAndResponsibility = "Samtliga samverkande aktörer ansvarar genom arbetsgruppen." },
            new Activity { SortOrder = 4, Description = "Informationsinsatser/events/mässor med flera samverkande aktörer. Mässor med tema där aktörer varierar utifrån behov.", ResourcesAndResponsibility = "Samtliga aktörer; arbetsgrupp planerar och genomför." },
        ]);

        var g2 = new Goal
        {
            Number = 2,
            Title = "Stärka kontakterna mellan målgruppen och arbetslivet",
            Problem = "Syftar till att komma till rätta med problemet att målgruppen saknar arbetslivsrelaterade kontakter och har bristande nätverk för exjobb/praktik/första jobb.",
        };
        g2.ExpectedResults.Add(new ExpectedResult { SortOrder = 0, Description = "Ett (1) genomfört mentorsprogram för 16 deltagare per år", Kind = TargetKind.CountPerEvent, EventCount = 1, TargetValue = 16, Unit = "deltagare", ResponsibleOrganisation = husby });
        g2.ExpectedResults.Add(new ExpectedResult { SortOrder = 1, Description = "Fler unga uppger att stödet har lett till att de har knutit arbetslivsrelaterade kontakter eller etablerat ett nätverk för arbete (för- och eftermätning av upplevelse).", Kind = TargetKind.PrePostChange, ResponsibleOrganisation = husby });
        g2.ExpectedResults.Add(new ExpectedResult { SortOrder = 2, Description = "Två grupper om 10 ungdomar har feriearbetat på Folkets Husby under sommaren 2024.", Kind = TargetKind.CountPerEvent, EventCount = 2, TargetValue = 10, Unit = "ungdomar" });
        g2.Activities.Add(new Activity { SortOrder = 0, Description = "Hitta nya sätt att arbeta med mentorsprogram samt att hitta sätt att använda de befintliga stöd och insatser som finns till de som nyttjar programmet.", ResourcesAndResponsibility = "Folkets Husby projektleder arbetet. Jobbtorg bidrar med kontakter till arbetsliv. Samtliga aktörer bidrar med mentorer.", LeadOrganisationId = husby.Id });

        var g3 = new Goal
        {
            Number = 3,
            Title = "Främja eftergymnasiala studier",
            Problem = "Syftar till att komma tillrätta med problemet att målgruppen saknar förebilder/omgivning som har studerat/förvärvat arbetat därutöver saknar de studieteknik och plats för studier, samt har bristande tro på sig själv.",
        };
        g3.ExpectedResults.Add(new ExpectedResult { SortOrder = 0, Description = "Två arrangemang, 30 besökare per arrangemang", Kind = TargetKind.CountPerEvent, EventCount = 2, TargetValue = 30, Unit = "besökare", ResponsibleOrganisation = husby });
        g3.ExpectedResults.Add(new ExpectedResult { SortOrder = 1, Description = "Fler unga får ökad kunskap om olika yrkes- och studieval (för- och eftermätning av upplevelse).", Kind = TargetKind.PrePostChange, ResponsibleOrganisation = husby });
        g3.ExpectedResults.Add(new ExpectedResult { SortOrder = 2, Description = "Fler upplever att de klarar eftergymnasiala studier (för- och eftermätning av upplevelse).", Kind = TargetKind.PrePostChange, ResponsibleOrganisation = husby });
        g3.Activities.AddRange(
        [
            new Activity { SortOrder = 0, Description = "Studiemässa – anordna studiemässa i samverkan med Jobbtorg", ResourcesAndResponsibility = "Folkets Husby projektleder arbetet.", LeadOrganisationId = husby.Id },
            new Activity { SortOrder = 1, Description = "Studentmiddag som överföring mellan Folkets Husby och Framtidens hus. En samverkansform för detta behöver formos.", ResourcesAndResponsibility = "Folkets Husby och Järva stadsdelsförvaltning, enheten för arbete och studier. Folkets Husby bidrar med lokal." },
            new Activity { SortOrder = 2, Description = "Studieplats med bemanning. Stärkande samtal.", ResourcesAndResponsibility = "Folkets Husby bemannar samt står för lokal.", LeadOrganisationId = husby.Id },
        ]);
        a.Goals.AddRange([g1, g2, g3]);

        a.GroupMembers.AddRange(
        [
            new GroupMember { Group = GroupKind.SteeringGroup, SortOrder = 0, OrganisationName = "Järva stadsdelsförvaltning", Role = "Enhetschef för enheten arbete och studier", Fte = 1 },
            new GroupMember { Group = GroupKind.SteeringGroup, SortOrder = 1, OrganisationName = "Folkets Husby", Role = "Verksamhetschef", Fte = 1 },
            new GroupMember { Group = GroupKind.SteeringGroup, SortOrder = 2, OrganisationName = "Arbetsmarknadsförvaltningen", Role = "Enhetschef för Jobbtorg Unga", Fte = 1, IsAdjunct = true },
            new GroupMember { Group = GroupKind.WorkingGroup, SortOrder = 0, OrganisationName = "Järva stadsdelsförvaltning", Role = "IOP-koordinator", Fte = 1 },
            new GroupMember { Group = GroupKind.WorkingGroup, SortOrder = 1, OrganisationName = "Järva stadsdelsförvaltning", Role = "Medarbetare från enheten arbete och studier", Fte = 1 },
            new GroupMember { Group = GroupKind.WorkingGroup, SortOrder = 2, OrganisationName = "Arbetsmarknadsförvaltningen", Role = "Medarbetare vid Jobbtorg Unga", Fte = 1 },
            new GroupMember { Group = GroupKind.WorkingGroup, SortOrder = 3, OrganisationName = "Folkets Husby", Role = "Medarbetare i organisationen", Fte = 1.5m },
        ]);

        a.BudgetLines.AddRange(
        [
            new BudgetLine { SortOrder = 0, CostType = "Lönekostnader 1,5 tjänst på Folkets Husby", Amount = 1_050_000m },
            new BudgetLine { SortOrder = 1, CostType = "Lokalkostnader inkl. el och vatten", Amount = 150_000m },
            new BudgetLine { SortOrder = 2, CostType = "Verksamhetskostnader, material, tjänster, kost, lokala resor, hyrd utrustning", Amount = 170_000m },
            new BudgetLine { SortOrder = 3, CostType = "Annonsering och marknadsföring", Amount = 10_000m },
            new BudgetLine { SortOrder = 4, CostType = "Administrativa kostnader", Amount = 20_000m },
        ]);

        a.InKindContributions.AddRange(
        [
            new InKindContribution { PartyName = "Järva stadsdelsförvaltning", Description = "Personella resurser i enlighet med redovisning av styrgrupp och arbetsgrupp." },
            new InKindContribution { PartyName = "Folkets Husby", Description = "Personella resurser till styrgrupp och arbetsgrupp och delvis lokaler samt material." },
            new InKindContribution { PartyName = "Samtliga parter", Description = "Kunskap och lärande i syfte att partnerskapet ska utvecklas." },
        ]);

        a.Events.Add(new AgreementEvent { Step = AgreementStep.Proposed, OccurredOn = new DateOnly(2023, 11, 30), RecordedAt = now, RecordedByName = "Demodata (seed 000)", Note = "Redo för beslut på nämndsammanträdet den 30 november 2023." });
        a.Events.Add(new AgreementEvent { Step = AgreementStep.Decided, RecordedAt = now, RecordedByName = "Demodata (seed 001, 003)", Note = "JÄRVA 2023/549; datum och paragraf anges inte i källorna." });
        return a;
    }
}
