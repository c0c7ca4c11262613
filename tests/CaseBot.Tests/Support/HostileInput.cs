namespace CaseBot.Tests.Support;

/// <summary>Random and hostile things people (and broken clients) send: for the fuzz test.</summary>
public sealed class HostileInput(Random rng, int maxTextLength)
{
    private static readonly string[] Fragments =
    [
        // SQL and HTML
        "'; DROP TABLE \"Events\"; --", "1 OR 1=1", "Robert'); DELETE FROM \"Cases\";--", "\" OR \"\"=\"", "%' AND 1=0 UNION SELECT * FROM \"Reporters\" --",
        "<b>tebal</b>", "<script>alert(1)</script>", "&lt;&gt;&amp;", "<a href=\"javascript:x\">klik</a>", "]]><![CDATA[", "{{7*7}}", "${jndi:ldap://x}",
        // emoji, RTL, other scripts
        "🌊🌊 banjir besar 🙏", "👨‍👩‍👧‍👦", "🏳️‍🌈", "مرحبا بالعالم", "\u202Eكسر\u202C", "שלום", "日本語テキスト", "ẞ Ωmega ƒ", "Z͑ͫ̓ͪ̂ͫ̽͏̴̙̤̞͉͚̯̞̠͍a̴̵̜̰͔ͫ͗͢l̠ͨͧͩ͘g̴̻͈͍͔̹̑͗̎̅͛́ǫ̵̹̻̝̳͂̌̌͘",
        // control characters and odd whitespace
        "\0", "\u0001\u0002\u0003", "a\r\nb\tc", "\u0007bel", "\u001b[31mmerah\u001b[0m", "\u00a0\u2003\u200b", " ", "\n\n", "\uFEFF", "\uD83D", "\uDE00x",
        // numbers and dates out of range
        "99999999999999999999", "-1", "-0", "2147483648", "1e309", "NaN", "∞", "1.234.567.890.123", "0,0001", "٣٤", "½", "0x1F", "1_000",
        "31/02/2024", "00/00/0000", "9999-12-31", "29 Februari 2023", "kemarin lusa", "besok", "32 Maret 2024",
        // commands and things that look like them
        "/", "//", "/ ", "/status", "/status PK-2024-", "/ubah", "/ubah BC-9999-0001", "/audit", "/setujui abc", "/tolak -1",
        "/bencana@CaseBot ekstra", "/BATAL", "/start@lain_bot", "/ppks\n/ppks", "/daftar x y z", "/laporanku 1 2 3",
        "#ok", "#batal", "#ubah", "#kembali", "#f:desa", "#p:-1", "#p:99999", "a:999999", "new",
        // ordinary things at the wrong moment
        "simpan", "ya", "batal", "lewati", "hari ini", "0", "1", "12", "1.234", "Malili", "Banjir", "Perempuan", "Puncak Indah",
    ];

    private static readonly string[] Commands =
        ["/start", "/bantuan", "/daftar", "/bencana", "/logistik", "/ppks", "/batal", "/laporanku", "/status", "/ubah", "/audit",
         "/setujui", "/tolak", "/menunggu", "/help", "/menu", "/entah", "/capaian"];

    public string Text() => rng.Next(10) switch
    {
        0 => Huge(),
        1 => RandomChars(rng.Next(1, 60)),
        2 => Fragments[rng.Next(Fragments.Length)] + " " + Fragments[rng.Next(Fragments.Length)],
        _ => Fragments[rng.Next(Fragments.Length)],
    };

    public string Command() => Commands[rng.Next(Commands.Length)] + rng.Next(4) switch
    {
        0 => "",
        1 => " " + ReportNumberish(),
        2 => " " + rng.Next(-5, 50),
        _ => " " + Text(),
    };

    /// <summary>Button data no message ever offered, or from a broken client.</summary>
    public string ButtonData() => rng.Next(4) switch
    {
        0 => RandomChars(rng.Next(1, 64)),
        1 => new string('x', rng.Next(65, 3000)),
        2 => Fragments[rng.Next(Fragments.Length)],
        _ => Command(),
    };

    public string ReportNumberish() =>
        $"{new[] { "BC", "LG", "PK", "bc", "XX" }[rng.Next(5)]}-{rng.Next(2020, 2027)}-{rng.Next(0, 40):0000}";

    private string Huge()
    {
        var length = rng.Next(3) == 0 ? maxTextLength : rng.Next(maxTextLength + 1, 20_000);
        return new string(Fragments[rng.Next(Fragments.Length)][0], length);
    }

    private string RandomChars(int n)
    {
        var chars = new char[n];
        for (var i = 0; i < n; i++) chars[i] = (char)rng.Next(0, 0xFFFF); // includes lone surrogates and noncharacters
        return new string(chars);
    }
}
