#!/usr/bin/env bash
# Debian packages the tests need: PostgreSQL (real scale-out store), Chromium (drives the Agents Playground), clang and
# zlib (Native AOT links the published app, whose process tests run again against it).
set -euo pipefail
packages=(postgresql chromium fonts-dejavu-core clang zlib1g-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "apt: ${packages[*]} present"
