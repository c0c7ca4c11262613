# Build: restore from the project files alone first, so that layer is reused until a dependency changes; then publish.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# For the image's own architecture only (-a amd64/arm64): a portable publish carries native SQLite, Skia and HarfBuzz
# builds for some 25 platforms, 207 MB instead of 33 MB.
ARG TARGETARCH
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/CaseBot.Domain/CaseBot.Domain.csproj src/CaseBot.Domain/
COPY src/CaseBot.Engine/CaseBot.Engine.csproj src/CaseBot.Engine/
COPY src/CaseBot.Storage/CaseBot.Storage.csproj src/CaseBot.Storage/
COPY src/CaseBot.Storage.Postgres/CaseBot.Storage.Postgres.csproj src/CaseBot.Storage.Postgres/
COPY src/CaseBot.Reporting/CaseBot.Reporting.csproj src/CaseBot.Reporting/
COPY src/CaseBot.Reporting.Commands/CaseBot.Reporting.Commands.csproj src/CaseBot.Reporting.Commands/
COPY src/CaseBot.Channels.Terminal/CaseBot.Channels.Terminal.csproj src/CaseBot.Channels.Terminal/
COPY src/CaseBot.Channels.Telegram/CaseBot.Channels.Telegram.csproj src/CaseBot.Channels.Telegram/
COPY src/CaseBot.Channels.WhatsApp/CaseBot.Channels.WhatsApp.csproj src/CaseBot.Channels.WhatsApp/
COPY src/CaseBot.Channels.Webhooks/CaseBot.Channels.Webhooks.csproj src/CaseBot.Channels.Webhooks/
COPY src/CaseBot.Host/CaseBot.Host.csproj src/CaseBot.Host/
RUN dotnet restore src/CaseBot.Host/CaseBot.Host.csproj -a $TARGETARCH
COPY config/ config/
COPY src/ src/
RUN dotnet publish src/CaseBot.Host/CaseBot.Host.csproj -c Release --no-restore -a $TARGETARCH --self-contained false -o /app

# Run: the ASP.NET runtime image (webhooks, health), as a non-root user. Data on a volume; the configuration is read
# from /config when the host mounts its own there (compose.yaml does), else the defaults shipped in the image.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data /config && cp -r /app/config/. /config/ && chown -R app:app /data /config
USER app
ENV CaseBot__Storage__ConnectionString="Data Source=/data/casebot.db" \
    CaseBot__Storage__Backup__Folder=/data/backups \
    CaseBot__ConfigDirectory=/config \
    CaseBot__Terminal__Enabled=false \
    CaseBot__Http__Urls=http://0.0.0.0:8080 \
    Logging__Console__FormatterName=json \
    TZ=Asia/Makassar
EXPOSE 8080
VOLUME /data
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s CMD ["dotnet", "casebot.dll", "status"]
ENTRYPOINT ["dotnet", "casebot.dll"]
