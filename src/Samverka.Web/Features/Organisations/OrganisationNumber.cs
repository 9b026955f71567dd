using System.Diagnostics.CodeAnalysis;

namespace Samverka.Web.Features.Organisations;

/// <summary>
/// Swedish organisationsnummer, NNNNNN-NNNN, whose last digit is a Luhn check digit over the first nine.
/// </summary>
public readonly record struct OrganisationNumber
{
    public string Value { get; }

    private OrganisationNumber(string value) => Value = value;

    public override string ToString() => Value;

    public enum Problem { None, Empty, WrongFormat, WrongCheckDigit }

    /// <summary>Accepts what people type: spaces, a missing hyphen, or a hyphen in the wrong place (as the PDF seed has "80249 7- 1221").</summary>
    public static Problem TryParse(string? input, [NotNullWhen(true)] out OrganisationNumber? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return Problem.Empty;
        }

        var digits = new List<int>(10);
        foreach (var c in input)
        {
            if (c is >= '0' and <= '9')
            {
                digits.Add(c - '0');
            }
            else if (c is not ('-' or ' ' or '\u00A0' or '\u2010' or '\u2011' or '\u2013'))
            {
                return Problem.WrongFormat;
            }
        }

        if (digits.Count != 10)
        {
            return Problem.WrongFormat;
        }

        if (LuhnCheckDigit(digits.Take(9)) != digits[9])
        {
            return Problem.WrongCheckDigit;
        }

        var text = string.Concat(digits.Take(6)) + "-" + string.Concat(digits.Skip(6));
        result = new OrganisationNumber(text);
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
