using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;

namespace Samverka.Web.Features.Organisations;

public sealed record OrganisationInput(string Name, OrganisationKind Kind, string? OrganisationNumber, string? Address, string? ContactName, string? ContactEmail, string? DecisionMakingBody, Guid? Version, LegalForm? LegalForm = null);

public sealed record OrganisationView(int Id, string Name, OrganisationKind Kind, string? OrganisationNumber, string? Address, string? ContactName, string? ContactEmail, string? DecisionMakingBody, List<FormerNameView> FormerNames, Guid Version, LegalForm? LegalForm = null)
{
    /// <summary>Without the contact person's name and e-mail for those who do not see personal data (see SeesPersonalData).</summary>
    public OrganisationView For(System.Security.Claims.ClaimsPrincipal user) => user.SeesPersonalData() ? this : this with { ContactName = null, ContactEmail = null };

    public static OrganisationView From(Organisation o) => new(o.Id, o.Name, o.Kind, o.OrganisationNumber, o.Address, o.ContactName, o.ContactEmail, o.DecisionMakingBody,
        [.. o.FormerNames.OrderBy(n => n.Id).Select(n => new FormerNameView(n.Name, n.UsedUntil))], o.Version, o.LegalForm);
}

public sealed record FormerNameView(string Name, DateOnly? UsedUntil);

public static class OrganisationRules
{
    /// <summary>Checks the input; on success the number is the normalised org.nr (or null when none was given).</summary>
    public static async Task<(List<FieldProblem> Problems, string? Number)> ValidateAsync(OrganisationInput input, AppDbContext db, int? exceptId)
    {
        var problems = new InputCheck()
            .Text("name", input.Name, TextLimit.Short, required: true)
            .Text("address", input.Address, TextLimit.Short)
            .Text("contactName", input.ContactName, TextLimit.Short)
            .Text("contactEmail", input.ContactEmail, TextLimit.Short)
            .Text("decisionMakingBody", input.DecisionMakingBody, TextLimit.Short)
            .Problems.ToList();
        if (!string.IsNullOrWhiteSpace(input.ContactEmail) && !System.Net.Mail.MailAddress.TryCreate(input.ContactEmail.Trim(), out _))
        {
            problems.Add(new("contactEmail", new Message("Enter an e-mail address such as namn@exempel.se.")));
        }
        if (input.LegalForm is { } form && (!Enum.IsDefined(form) || input.Kind != OrganisationKind.NonProfit))
        {
            problems.Add(new("legalForm", Enum.IsDefined(form) ? new Message("A legal form is stated for a non-profit organisation; a public body has none here.") : new Message("Choose one of the legal forms.")));
        }
        string? number = null;
        if (!string.IsNullOrWhiteSpace(input.OrganisationNumber))
        {
            switch (Organisations.OrganisationNumber.TryParse(input.OrganisationNumber, out var parsed))
            {
                case Organisations.OrganisationNumber.Problem.WrongFormat:
                    problems.Add(new("organisationNumber", new Message("{0} is not an organisationsnummer: it has ten digits, written NNNNNN-NNNN, e.g. 802497-1221.", input.OrganisationNumber.Trim())));
                    break;
                case Organisations.OrganisationNumber.Problem.PersonalIdentityNumber:
                    problems.Add(new("organisationNumber", new Message("{0} is a personal identity number, not an organisationsnummer: a partner is a legal person (an association, foundation, company or public body), not a sole trader.", input.OrganisationNumber.Trim())));
                    break;
                case Organisations.OrganisationNumber.Problem.NotLegalPerson:
                    problems.Add(new("organisationNumber", new Message("{0} is not the organisationsnummer of a legal person: its third and fourth digits are 20 or more.", input.OrganisationNumber.Trim())));
                    break;
                case Organisations.OrganisationNumber.Problem.WrongCheckDigit:
                    problems.Add(new("organisationNumber", new Message("The organisationsnummer {0} is not valid: its check digit is wrong. Check for a typing error.", input.OrganisationNumber.Trim())));
                    break;
                default:
                    number = parsed!.Value.Value;
                    var taken = await db.Organisations.Where(o => o.OrganisationNumber == number && o.Id != exceptId).Select(o => o.Name).FirstOrDefaultAsync();
                    if (taken is not null)
                    {
                        problems.Add(new("organisationNumber", new Message("The organisationsnummer {0} is already registered for {1}.", number, taken)));
                    }
                    break;
            }
        }
        return (problems, number);
    }

    public static void Apply(OrganisationInput input, string? number, Organisation o, DateOnly today)
    {
        if (o.Id == 0)
        {
            o.Name = input.Name.Trim();
        }
        else
        {
            o.Rename(input.Name, today);
        }
        o.Kind = input.Kind;
        o.LegalForm = input.LegalForm;
        o.OrganisationNumber = number;
        o.Address = input.Address.NullIfBlank();
        o.ContactName = input.ContactName.NullIfBlank();
        o.ContactEmail = input.ContactEmail.NullIfBlank();
        o.DecisionMakingBody = input.DecisionMakingBody.NullIfBlank();
    }
}
