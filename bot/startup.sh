#!/bin/sh
# App Service's start command (infra/main.bicep: appCommandLine), copied beside the published app: runs the bot
# whichever way `dotnet publish` built it. On Linux that is Native AOT, one native executable `FlywheelBot`; a publish
# made on Windows or macOS (or with -p:PublishAot=false) is ReadyToRun and starts through its FlywheelBot.dll.
# Settings come from the environment (App Service app settings); arguments are passed on.
set -e
app=$(dirname "$0")
if [ -f "$app/FlywheelBot.dll" ]; then
  exec dotnet "$app/FlywheelBot.dll" "$@"
fi
# A zip deployment may not keep the executable bit.
[ -x "$app/FlywheelBot" ] || chmod +x "$app/FlywheelBot"
exec "$app/FlywheelBot" "$@"
