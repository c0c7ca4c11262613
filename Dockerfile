# Build: the SDK image restores and publishes the host.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/CaseBot.Host/CaseBot.Host.csproj -c Release -o /app

# Run: the ASP.NET runtime image (webhooks), as a non-root user, data on a volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown app:app /data
USER app
ENV CaseBot__Storage__ConnectionString="Data Source=/data/casebot.db" \
    CaseBot__Storage__Backup__Folder=/data/backups \
    CaseBot__Terminal__Enabled=false \
    TZ=Asia/Makassar
VOLUME /data
ENTRYPOINT ["dotnet", "casebot.dll"]
