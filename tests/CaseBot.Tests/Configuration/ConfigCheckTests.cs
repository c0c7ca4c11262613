using System.Text.Json.Nodes;

namespace CaseBot.Tests.Configuration;

/// <summary>The bot refuses to start on a broken config/ and says, in Indonesian, which file and which JSON path.</summary>
public sealed class ConfigCheckTests
{
    private static void Refused(BrokenConfig config, params string[] expected)
    {
        var error = config.Start();
        Assert.NotNull(error);
        foreach (var part in expected) Assert.Contains(part, error.Message);
    }

    private static int IndexOf(JsonNode root, string list, Func<JsonNode, bool> match) =>
        root[list]!.AsArray().Select((n, i) => (n, i)).First(x => match(x.n!)).i;

    [Fact]
    public void The_shipped_config_starts()
    {
        Assert.Null(new BrokenConfig().Start());
    }

    [Fact]
    public void A_broken_time_zone_in_regions_is_refused()
    {
        var config = new BrokenConfig().Edit("regions.json", r => r["Regions"]![1]!["TimeZone"] = "Asia/Makasar");
        Refused(config, "regions.json: $.Regions[1].TimeZone: zona waktu \"Asia/Makasar\" tidak dikenal");
    }

    [Fact]
    public void A_missing_level_is_refused()
    {
        var config = new BrokenConfig().Edit("regions.json", r => r["Regions"]![0]!["Children"]![2]!.AsObject().Remove("Level"));
        Refused(config, "regions.json: $.Regions[0].Children[2].Level: wajib diisi");
    }

    [Fact]
    public void An_unknown_aid_item_code_of_an_indicator_is_refused()
    {
        var at = 0;
        var config = new BrokenConfig().Edit("indicators.json", r =>
        {
            at = IndexOf(r, "Indicators", i => i["AidItems"] is JsonArray { Count: > 0 });
            r["Indicators"]![at]!["AidItems"]![0] = "xyz";
        });
        Refused(config, $"indicators.json: $.Indicators[{at}].AidItems[0]: kode \"xyz\" tidak ada di katalog");
    }

    [Fact]
    public void Unknown_ppks_types_services_and_target_regions_of_an_indicator_are_refused()
    {
        var at = 0;
        var config = new BrokenConfig().Edit("indicators.json", r =>
        {
            at = IndexOf(r, "Indicators", i => i["Handled"] is JsonArray { Count: > 0 } && i["PpksTypes"] is JsonArray { Count: > 0 });
            var indicator = r["Indicators"]![at]!;
            indicator["PpksTypes"]![0] = "anak-hilang";
            indicator["Handled"]![0]!["Services"] = new JsonArray("terapi-ajaib");
            indicator["Targets"]![0]!["Region"] = "Luwu Tengah";
        });
        Refused(config,
            $"$.Indicators[{at}].PpksTypes[0]: kode \"anak-hilang\" tidak ada di katalog",
            $"$.Indicators[{at}].Handled[0].Services[0]: kode \"terapi-ajaib\" tidak ada di katalog",
            $"$.Indicators[{at}].Targets[0].Region: wilayah \"Luwu Tengah\" tidak ada di regions.json");
    }

    [Fact]
    public void A_negative_flood_limit_is_refused()
    {
        var config = new BrokenConfig().Edit("casebot.json", r => r["CaseBot"]!["FloodMessages"] = -5);
        Refused(config, "casebot.json: $.CaseBot.FloodMessages: harus 0 atau lebih (sekarang -5)");
    }

    [Theory]
    [InlineData("Summary", "0 7 * *")]
    [InlineData("Storage.Backup", "0 25 * * *")]
    public void A_broken_cron_is_refused_at_start_not_every_minute_after(string section, string cron)
    {
        var config = new BrokenConfig().Edit("casebot.json", r =>
        {
            var node = r["CaseBot"]!;
            foreach (var part in section.Split('.')) node = node[part]!;
            node["Schedule"] = cron;
        });
        Refused(config, $"casebot.json: $.CaseBot.{section}.Schedule: jadwal cron \"{cron}\" tidak valid");
    }

    [Fact]
    public void A_broken_summary_time_zone_and_a_malformed_admin_are_refused()
    {
        var config = new BrokenConfig().Edit("casebot.json", r =>
        {
            r["CaseBot"]!["Summary"]!["TimeZone"] = "WITA";
            r["CaseBot"]!["Admins"] = new JsonArray("telegram:andi");
        });
        Refused(config, "$.CaseBot.Summary.TimeZone: zona waktu \"WITA\" tidak dikenal", "$.CaseBot.Admins[0]: \"telegram:andi\"");
    }

    [Fact]
    public void A_monthly_report_time_that_is_not_hh_mm_is_refused()
    {
        var config = new BrokenConfig().Edit("casebot.json", r => r["CaseBot"]!["MonthlyReport"]!["Time"] = "8 pagi");
        Refused(config, "casebot.json: $.CaseBot.MonthlyReport.Time: \"8 pagi\" bukan jam HH:mm, contoh 08:00");
    }

    [Fact]
    public void A_json_syntax_error_names_the_file_and_the_line()
    {
        var config = new BrokenConfig().EditText("catalogs.json", t => t.Replace("\"Name\": \"Banjir\",", "\"Name\": \"Banjir\"", StringComparison.Ordinal));
        Refused(config, "catalogs.json: baris ", "JSON tidak valid");
    }

    [Fact]
    public void A_value_of_the_wrong_kind_names_the_file_and_the_path()
    {
        var config = new BrokenConfig().Edit("indicators.json", r => r["Indicators"]![0]!["Measure"] = "KorbanSemua");
        Refused(config, "indicators.json: $.Indicators[0].Measure: ");
    }

    [Fact]
    public void Duplicate_catalog_codes_and_vocabulary_pointing_nowhere_are_refused()
    {
        var config = new BrokenConfig()
            .Edit("catalogs.json", r => r["AidItems"]![1]!["Code"] = r["AidItems"]![0]!["Code"]!.GetValue<string>())
            .Edit("vocabulary.json", r => r["AidItems"]!["beras"] = "beras-merah");
        Refused(config, "catalogs.json: $.AidItems[1].Code: kode", "ganda",
            "vocabulary.json: $.AidItems.beras: kode \"beras-merah\" tidak ada di katalog");
    }

    [Fact]
    public void A_count_limit_for_an_unknown_question_is_refused()
    {
        var config = new BrokenConfig().Edit("casebot.json", r => r["CaseBot"]!["CountLimits"]!["Fields"]!["korban"] = 10);
        Refused(config, "$.CaseBot.CountLimits.Fields.korban: pertanyaan \"korban\" tidak ada");
    }
}
