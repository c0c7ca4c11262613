using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CaseBot.Tests.Support;

/// <summary>Collects every error the bot logs (the engine logs, then answers "terjadi gangguan"): tests assert none.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    public ConcurrentQueue<string> Errors { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error) log.Errors.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
