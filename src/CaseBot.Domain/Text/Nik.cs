namespace CaseBot.Domain.Text;

/// <summary>Indonesia's 16-digit national id (NIK): province, regency, district, birth date (women +40), serial.</summary>
public static class Nik
{
    public static string? Clean(string? nik)
    {
        if (nik is null) return null;
        var digits = new string(nik.Where(c => c is not (' ' or '.' or '-')).ToArray());
        return digits.Length == 16 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static bool IsValid(string? nik) => ExplainProblem(nik) is null;

    public static string ExplainInvalid(string? nik) => ExplainProblem(nik) ?? "NIK sudah benar.";

    /// <summary>The birth date and sex a valid NIK carries (day + 40 for women; the century is the one that puts the
    /// birth in the past). False when the digits do not make a real date.</summary>
    public static bool TryReadBirth(string nik, DateOnly today, out DateOnly birth, out Entities.Sex sex)
    {
        birth = default; sex = default;
        if (Clean(nik) is not { } raw) return false;
        var day = int.Parse(raw[6..8]);
        sex = day > 40 ? Entities.Sex.Perempuan : Entities.Sex.LakiLaki;
        if (day > 40) day -= 40;
        var month = int.Parse(raw[8..10]);
        var year = 2000 + int.Parse(raw[10..12]);
        if (year > today.Year) year -= 100;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        birth = new DateOnly(year, month, day);
        return birth <= today;
    }

    /// <summary>The regency code the NIK was issued in ("7324").</summary>
    public static string RegencyCode(string nik) => (Clean(nik) ?? nik)[..4];

    /// <summary>"7371********0001": enough to recognise, not enough to misuse.</summary>
    /// <summary>Free text typed by one user and shown to another (a place, an item under Lainnya) with any 16-digit
    /// run masked: it may be somebody's NIK.</summary>
    public static string MaskIn(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(?<!\d)\d{16}(?!\d)", m => Mask(m.Value));

    public static string Mask(string nik) => nik.Length <= 8 ? new string('*', nik.Length) : nik[..4] + new string('*', nik.Length - 8) + nik[^4..];

    private static string? ExplainProblem(string? nik)
    {
        var raw = new string((nik ?? "").Where(c => c is not (' ' or '.' or '-')).ToArray());
        if (!raw.All(char.IsAsciiDigit)) return "NIK hanya berisi angka (16 angka).";
        if (raw.Length != 16) return $"NIK harus 16 angka; Anda mengetik {raw.Length} angka.";
        var province = int.Parse(raw[..2]);
        if (province is < 11 or > 94) return "Kode provinsi pada NIK (2 angka pertama) tidak dikenal.";
        var day = int.Parse(raw[6..8]);
        var month = int.Parse(raw[8..10]);
        if (!(day is >= 1 and <= 31 || day is >= 41 and <= 71) || month is < 1 or > 12)
            return "Tanggal lahir pada NIK (angka ke-7 s.d. 12) tidak valid.";
        if (raw[12..] == "0000") return "Nomor urut pada NIK (4 angka terakhir) tidak boleh 0000.";
        return null;
    }
}
