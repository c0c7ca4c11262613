using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace CaseBot.Tests.Telegram;

/// <summary>
/// The npm package telegram-test-api, started once for the test run on a free loopback port. Installs itself with
/// `npm ci` when tests/telegram-emulator/node_modules is missing (a clean clone in CI). Each test uses its own bot token,
/// so tests sharing the emulator never see each other's chats.
/// </summary>
public sealed class TelegramEmulator : IAsyncLifetime
{
    private Process? _node;
    public int Port { get; private set; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        var folder = FindEmulatorFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "telegram-test-api")))
            await RunAsync("npm", "ci --no-audit --no-fund", folder, TimeSpan.FromMinutes(5));
        Port = FreePort();
        _node = Process.Start(new ProcessStartInfo("node", ["server.js", Port.ToString()])
        {
            WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var ready = await _node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready is null || !ready.StartsWith("ready", StringComparison.Ordinal))
            throw new InvalidOperationException($"Emulator did not start: {ready} {await _node.StandardError.ReadToEndAsync()}");
    }

    public async Task DisposeAsync()
    {
        if (_node is { HasExited: false })
        {
            _node.StandardInput.Close(); // server.js stops when its stdin ends
            if (!_node.WaitForExit(5000)) _node.Kill(entireProcessTree: true);
        }
        _node?.Dispose();
        Http.Dispose();
    }

    /// <summary>A user types a message to the bot (private chat, or a group when <paramref name="chatId"/> is negative).</summary>
    public Task SendAsync(string token, long userId, string text, long? chatId = null) =>
        PostAsync("/sendMessage", new JsonObject
        {
            ["botToken"] = token, ["text"] = text, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["from"] = User(userId), ["chat"] = Chat(chatId ?? userId, userId),
        });

    /// <summary>A user sends a photo or location (extra fields of the message object).</summary>
    public Task SendRawAsync(string token, long userId, JsonObject fields)
    {
        fields["botToken"] = token;
        fields["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        fields["from"] = User(userId);
        fields["chat"] = Chat(userId, userId);
        return PostAsync("/sendMessage", fields);
    }

    /// <summary>A user presses the button labelled <paramref name="label"/> on a message the bot sent.</summary>
    public Task PressAsync(string token, long userId, BotMessage message, string label)
    {
        var button = message.Buttons.FirstOrDefault(b => b.Label.Contains(label, StringComparison.OrdinalIgnoreCase))
                     ?? throw new InvalidOperationException($"No button '{label}' on: {message.Text} [{string.Join(" | ", message.Buttons.Select(b => b.Label))}]");
        return PostAsync("/sendCallback", new JsonObject
        {
            ["botToken"] = token, ["data"] = button.Data, ["from"] = User(userId),
            ["message"] = new JsonObject
            {
                ["message_id"] = message.MessageId, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["text"] = message.Text,
                ["chat"] = Chat(message.ChatId, userId), ["reply_markup"] = message.Markup?.DeepClone(),
            },
        });
    }

    /// <summary>The bot's messages to a chat not read yet (each is returned once).</summary>
    public async Task<IReadOnlyList<BotMessage>> UnreadAsync(string token, long chatId)
    {
        var response = await Http.PostAsJsonAsync($"{BaseUrl}/getUpdates", new { token, chatId });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json["result"]!.AsArray().Select(u => BotMessage.From(u!, chatId)).ToList();
    }

    /// <summary>A bot message as it stands now (after edits), from the emulator's history.</summary>
    public async Task<BotMessage> CurrentAsync(string token, long chatId, int messageId)
    {
        var response = await Http.PostAsJsonAsync($"{BaseUrl}/getUpdatesHistory", new { token });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var update = json["result"]!.AsArray().First(u => u!["messageId"] is not null && (int)u["messageId"]! == messageId
                                                          && u["message"]?["chat_id"]?.ToString() == chatId.ToString());
        return BotMessage.From(update!, chatId);
    }

    private async Task PostAsync(string path, JsonObject body)
    {
        using var response = await Http.PostAsync(BaseUrl + path, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    private static JsonObject User(long id) => new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = $"Pengguna{id}" };

    private static JsonObject Chat(long chatId, long userId) => chatId < 0
        ? new JsonObject { ["id"] = chatId, ["type"] = "group", ["title"] = "Grup Dinsos" }
        : new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = $"Pengguna{userId}" };

    private static string FindEmulatorFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "telegram-emulator");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new DirectoryNotFoundException("tests/telegram-emulator not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string args, string folder, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(timeout).Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {args} failed: {await error}");
    }
}

public sealed record BotButton(string Label, string Data);

/// <summary>A message the bot sent, as the emulator stores it.</summary>
public sealed record BotMessage(long ChatId, int MessageId, string Text, IReadOnlyList<BotButton> Buttons, JsonNode? Markup)
{
    public static BotMessage From(JsonNode update, long chatId)
    {
        var message = update["message"]!;
        var markup = message["reply_markup"];
        var buttons = markup?["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray())
            .Select(b => new BotButton((string)b!["text"]!, (string)b["callback_data"]!)).ToList() ?? [];
        return new BotMessage(chatId, (int)update["messageId"]!, (string?)message["text"] ?? (string?)message["caption"] ?? "", buttons, markup);
    }
}
