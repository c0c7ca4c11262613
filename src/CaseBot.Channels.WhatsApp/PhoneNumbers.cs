using PhoneNumbers;

namespace CaseBot.Channels.WhatsApp;

/// <summary>WhatsApp ids (wa_id, "6281234567890") as E.164 ("+6281234567890"), the form users are stored under.</summary>
public static class PhoneNumbersE164
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static string Normalize(string waIdOrNumber, string defaultRegion)
    {
        var raw = waIdOrNumber.Trim();
        try
        {
            var number = Util.Parse(raw.StartsWith('+') || raw.StartsWith('0') ? raw : "+" + raw, defaultRegion);
            return Util.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return "+" + new string(raw.Where(char.IsAsciiDigit).ToArray());
        }
    }

    /// <summary>The Cloud API's "to" field: digits only.</summary>
    public static string ToWaId(string e164) => e164.TrimStart('+');
}
