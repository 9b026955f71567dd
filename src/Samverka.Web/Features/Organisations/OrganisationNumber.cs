using System.Diagnostics.CodeAnalysis;

namespace Samverka.Web.Features.Organisations;

/// <summary>
/// Swedish organisationsnummer by Skatteverket's rules: ten digits written NNNNNN-NNNN, the last a Luhn check digit
/// over the first nine, and for a legal person (association, foundation, company, municipality) the third and fourth
/// digits at least 20, which sets it apart from a personal identity number (a month, 01–12, in that place).
/// </summary>
public readonly record struct OrganisationNumber
{
    public string Value { get; }

    private OrganisationNumber(string value) => Value = value;

    public override string ToString() => Value;

    public enum Problem { None, Empty, WrongFormat, WrongCheckDigit, PersonalIdentityNumber, NotLegalPerson }

    /// <summary>
    /// Spaces are dropped (the PDF seed has "80249 7- 1221"); what is left must be ten digits, with or without the
    /// hyphen after the sixth. Anything else is the wrong format rather than a guess.
    /// </summary>
    public static Problem TryParse(string? input, [NotNullWhen(true)] out OrganisationNumber? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return Problem.Empty;
        }
        var compact = string.Concat(input.Where(c => !char.IsWhiteSpace(c)))
            .Replace('\u2010', '-').Replace('\u2011', '-').Replace('\u2013', '-').Replace('\u2212', '-');
        if (compact.Length == 11 && compact[6] == '-')
        {
            compact = compact.Remove(6, 1);
        }
        if (compact.Length != 10 || !compact.All(char.IsAsciiDigit))
        {
            return Problem.WrongFormat;
        }
        var digits = compact.Select(c => c - '0').ToList();
        if (LuhnCheckDigit(digits.Take(9)) != digits[9])
        {
            return Problem.WrongCheckDigit;
        }
        var group = digits[2] * 10 + digits[3];
        if (group < 20)
        {
            var day = digits[4] * 10 + digits[5];
            // A month and a day (a samordningsnummer adds 60 to the day): a person's number, not an organisation's.
            return group is >= 1 and <= 12 && (day is >= 1 and <= 31 || day is >= 61 and <= 91) ? Problem.PersonalIdentityNumber : Problem.NotLegalPerson;
        }
        result = new OrganisationNumber(compact[..6] + "-" + compact[6..]);
        return Problem.None;
    }

    public static OrganisationNumber Parse(string input) =>
        TryParse(input, out var n) == Problem.None && n is { } v ? v : throw new FormatException($"Not a valid organisationsnummer: {input}");

    /// <summary>Luhn (mod 10): double every other digit from the left of the nine, sum the digits.</summary>
    public static int LuhnCheckDigit(IEnumerable<int> nineDigits)
    {
        var sum = 0;
        var i = 0;
        foreach (var d in nineDigits)
        {
            var v = i % 2 == 0 ? d * 2 : d;
            sum += v > 9 ? v - 9 : v;
            i++;
        }
        return (10 - (sum % 10)) % 10;
    }
}
