using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Audit;
using Samverka.Web.Features.Boards;
using Samverka.Web.Features.Meetings;
using Samverka.Web.Features.Organisations;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Features.Results;

namespace Samverka.Bench;

/// <summary>How much data: S for the smoke test, M for the targets, L (PostgreSQL) to see the trend.</summary>
public sealed record DataSize(string Name, int Boards, int Partnerships, int FiguresPerPartnership, int MeetingsPerPartnership, int AuditPerPartnership)
{
    public static readonly DataSize S = new("S", 1, 50, 50, 5, 25);
    public static readonly DataSize M = new("M", 300, 20_000, 50, 5, 25);
    public static readonly DataSize L = new("L", 3_000, 200_000, 50, 5, 25);

    public static DataSize Parse(string name) => name.ToUpperInvariant() switch { "S" => S, "M" => M, "L" => L, _ => throw new ArgumentException($"Unknown size {name}: S, M or L.") };
}

/// <summary>
/// Fills a database through the application's own model. Deterministic: the same seed gives the same data.
/// Bulk loads switch the per-save audit off and write a valid audit chain of their own instead.
/// </summary>
public static class Generator
{
    public const string Email = "bench@samverka.example";
    public const string Password = "Samverka-bench-2026";

    public static async Task<TimeSpan> FillAsync(IServiceProvider services, DataSize size, int seed, Action<string> progress)
    {
        using var noAudit = AuditSuppression.Begin();
        var clock = Stopwatch.StartNew();
        var random = new Random(seed);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await db.Boards.AnyAsync())
            {
                progress("The database already holds data; nothing generated.");
                return TimeSpan.Zero;
            }
            var municipality = new Samverka.Web.Features.Municipalities.Municipality { Name = "Benchmark kommun" };
            db.Municipalities.Add(municipality);
            var boards = Enumerable.Range(1, size.Boards).Select(i => new Board { Municipality = municipality, Name = $"Nämnd {i:0000}", AdministrationName = $"Förvaltning {i:0000}", CaseNumberPattern = $"N{i} {{year}}/{{n}}" }).ToList();
            db.Boards.AddRange(boards);
            await db.SaveChangesAsync();
            db.ReportingCategories.AddRange(DemoData.SeedCategories.Select(c => new ReportingCategory { MunicipalityId = municipality.Id, Kind = c.Kind, Code = c.Code, Name = c.Name, NameEn = c.NameEn, Position = DemoData.PositionOf(c.Kind, c.Code) }));
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var result = await users.CreateAsync(new AppUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Benchmark coordinator", Role = UserRole.Coordinator, BoardId = boards[0].Id }, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }

        var boardIds = await WithDb(services, db => db.Boards.OrderBy(b => b.Id).Select(b => b.Id).ToListAsync());
        const int Batch = 100;
        var previousHash = AuditEntry.Genesis;
        var key = services.GetRequiredService<AuditKey>().Bytes;
        for (var start = 0; start < size.Partnerships; start += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var count = Math.Min(Batch, size.Partnerships - start);
            var partnerships = new List<Partnership>(count);
            for (var i = start; i < start + count; i++)
            {
                var organisation = new Organisation { Name = $"Förening {i:000000}", Kind = OrganisationKind.NonProfit, DecisionMakingBody = "Styrelse" };
                var p = new Partnership { Name = $"IOP {i:000000}", BoardId = boardIds[i % boardIds.Count], Organisation = organisation, CaseNumber = $"N{i % boardIds.Count + 1} 2024/{i + 1}" };
                p.Agreements.Add(AgreementFor(random, organisation));
                partnerships.Add(p);
            }
            db.Partnerships.AddRange(partnerships);
            await db.SaveChangesAsync();

            var now = new DateTimeOffset(2025, 1, 15, 9, 0, 0, TimeSpan.Zero);
            foreach (var p in partnerships)
            {
                var agreement = p.Agreements[0];
                var targets = agreement.Goals.SelectMany(g => g.ExpectedResults).ToList();
                var report = new ResultReport { PartnershipId = p.Id, AgreementId = agreement.Id, PeriodStart = agreement.StartDate, PeriodEnd = agreement.EndDate, Status = ReportStatus.Approved };
                for (var f = 0; f < size.FiguresPerPartnership; f++)
                {
                    var day = agreement.StartDate.AddDays(random.Next(0, 365));
                    var total = random.Next(5, 120);
                    var women = random.Next(0, total + 1);
                    var figure = new Figure
                    {
                        Kind = FigureKind.Event,
                        EventKind = DemoData.SeedCategories.Where(c => c.Kind == CategoryKind.Event).ElementAt(random.Next(0, 8)).Code,
                        From = day,
                        To = day,
                        Title = $"Aktivitet {f}",
                        Total = total,
                        Women = women,
                        Men = total - women,
                        RecordedAt = now,
                        RecordedByName = "Generator",
                    };
                    figure.Targets.Add(new FigureTarget { ExpectedResultId = targets[random.Next(targets.Count)].Id });
                    report.Figures.Add(figure);
                }
                db.ResultReports.Add(report);
                for (var m = 0; m < size.MeetingsPerPartnership; m++)
                {
                    db.Meetings.Add(new Meeting { PartnershipId = p.Id, Group = GroupKind.SteeringGroup, HeldOn = agreement.StartDate.AddMonths(m * 2).AddDays(10), Minutes = "Protokoll" });
                }
                for (var a = 0; a < size.AuditPerPartnership; a++)
                {
                    var entry = new AuditEntry
                    {
                        At = now.AddMinutes(a),
                        UserName = "Generator",
                        EntityType = "Agreement",
                        EntityKey = agreement.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        PartnershipId = p.Id,
                        Action = AuditAction.Modified,
                        Changes = $$"""{"Purpose":["v{{a}}","v{{a + 1}}"]}""",
                        PreviousHash = previousHash,
                        Hash = "",
                        Keyed = true,
                    };
                    entry.Hash = entry.ComputeHash(key);
                    previousHash = entry.Hash;
                    db.AuditEntries.Add(entry);
                }
            }
            db.ChangeTracker.DetectChanges();
            // The chain it wrote ends here: seal the head as the app's own audit writes do.
            await AuditHead.MoveAsync(db, key, previousHash);
            await db.SaveChangesAsync();
            if ((start / Batch) % 20 == 0 || start + count >= size.Partnerships)
            {
                progress($"  {start + count} of {size.Partnerships} partnerships ({clock.Elapsed:mm\\:ss})");
            }
        }
        return clock.Elapsed;
    }

    private static Agreement AgreementFor(Random random, Organisation organisation)
    {
        var grant = random.Next(2, 30) * 50_000m;
        var a = new Agreement
        {
            Title = $"Överenskommelse {organisation.Name}",
            StartDate = new DateOnly(2024, 1, 1),
            EndDate = new DateOnly(2024, 12, 31),
            LatestExtensionDate = new DateOnly(2026, 12, 31),
            AnnualGrant = grant,
            Stage = AgreementStage.Signed,
            SteeringGroupIntervalMonths = 2,
            SocietalChallenge = "Unga utan arbete eller studier.",
            Purpose = "Stöd för arbete och studier.",
        };
        a.Parties.Add(new AgreementParty { Organisation = organisation, OrganisationName = organisation.Name, Role = PartyRole.NonProfit, SortOrder = 0 });
        a.BudgetLines.AddRange(Enumerable.Range(0, 5).Select(i => new BudgetLine { SortOrder = i, CostType = $"Kostnad {i + 1}", Amount = grant / 5 }));
        for (var g = 1; g <= 3; g++)
        {
            var goal = new Goal { Number = g, Title = $"Mål {g}", Problem = "Problemet" };
            goal.ExpectedResults.Add(new ExpectedResult { SortOrder = 0, Description = "Antal nådda", Kind = TargetKind.Count, TargetValue = random.Next(100, 500), Unit = "personer" });
            goal.ExpectedResults.Add(new ExpectedResult { SortOrder = 1, Description = "Två arrangemang", Kind = TargetKind.CountPerEvent, TargetValue = 50, EventCount = 2, Unit = "besökare" });
            goal.ExpectedResults.Add(new ExpectedResult { SortOrder = 2, Description = "Könsfördelning", Kind = TargetKind.GenderShare, MenSharePercent = 50, WomenSharePercent = 50 });
            goal.Activities.Add(new Samverka.Web.Features.Agreements.Activity { SortOrder = 0, Description = "Aktivitet", ResourcesAndResponsibility = "Föreningen" });
            a.Goals.Add(goal);
        }
        return a;
    }

    private static async Task<T> WithDb<T>(IServiceProvider services, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
