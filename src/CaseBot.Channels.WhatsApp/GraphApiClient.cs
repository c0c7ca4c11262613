using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CaseBot.Channels.WhatsApp;

/// <summary>The Cloud API's /{phone-number-id}/messages and /media, with the bearer token, retried on 429, 5xx and network errors.</summary>
public sealed class GraphApiClient(HttpClient http, WhatsAppOptions options, ILogger<GraphApiClient> logger)
{
    public const string HttpClientName = "whatsapp";

    // Waits between attempts are real time, whatever clock the business rules run on.
    private readonly ResiliencePipeline<HttpResponseMessage> _retry = new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(500),
            UseJitter = true,
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.Headers.RetryAfter?.Delta),
            OnRetry = args =>
            {
                logger.LogWarning("WhatsApp API answered {Status}; retry {Attempt}", args.Outcome.Result?.StatusCode, args.AttemptNumber + 1);
                return ValueTask.CompletedTask;
            },
        }).Build();

    private string Url(string path) => $"{options.BaseUrl.TrimEnd('/')}/{options.ApiVersion}/{options.PhoneNumberId}/{path}";

    public async Task SendAsync(JsonObject body, CancellationToken ct)
    {
        using var response = await _retry.ExecuteAsync(async t =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Url("messages"))
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            return await AuthorizedAsync(request, t);
        }, ct);
        await EnsureSuccessAsync(response, ct);
    }

    /// <summary>Uploads a file (the chart, an export) and returns its media id.</summary>
    public async Task<string> UploadAsync(byte[] content, string fileName, string contentType, CancellationToken ct)
    {
        using var response = await _retry.ExecuteAsync(async t =>
        {
            var form = new MultipartFormDataContent { { new StringContent("whatsapp"), "messaging_product" } };
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "file", fileName);
            using var request = new HttpRequestMessage(HttpMethod.Post, Url("media")) { Content = form };
            return await AuthorizedAsync(request, t);
        }, ct);
        await EnsureSuccessAsync(response, ct);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
        return (string?)json?["id"] ?? throw new InvalidOperationException("WhatsApp media upload returned no id.");
    }

    private Task<HttpResponseMessage> AuthorizedAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
        return http.SendAsync(request, ct);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"WhatsApp API {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}", null, response.StatusCode);
    }
}
