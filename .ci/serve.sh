#!/usr/bin/env bash
# Builds the release widget and serves the demo (index.html with the widget embedded) on
# http://127.0.0.1:${PORT:-8080}/. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/setup.sh
.ci/build.sh
exec node tests/e2e/server.mjs "${PORT:-8080}"
