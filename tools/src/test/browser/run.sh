#!/usr/bin/env bash
# Runs the introspector's browser test script in headless Chromium, installing what it needs first.
#
#   run.sh SCRIPT.mjs URL SCREENSHOT
#
# Needs Chromium (Debian's package, installed with apt-get when missing and running as root) and the
# npm package playwright-core (installed into a cache folder when missing; never a browser download).
# Exit codes: what the node script returns, or 77 when the tooling cannot be installed, with a
# "SKIP: reason" line on stdout, so that the JUnit side can skip the test instead of failing it.
set -u
PLAYWRIGHT_VERSION=1.65.2
CACHE="${K4J_BROWSER_CACHE:-$HOME/.cache/kamaelia4j/browser-test}"
CHROMIUM="${K4J_CHROMIUM:-/usr/bin/chromium}"

skip() { echo "SKIP: $*"; exit 77; }

if [ ! -x "$CHROMIUM" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing chromium with apt-get" >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2 \
            || skip "apt-get could not install chromium"
    fi
    [ -x "$CHROMIUM" ] || skip "no Chromium at $CHROMIUM (install Debian's chromium package, as root)"
fi
command -v node >/dev/null 2>&1 || skip "node is not installed"
command -v npm >/dev/null 2>&1 || skip "npm is not installed"
if [ ! -f "$CACHE/node_modules/playwright-core/package.json" ]; then
    echo "installing playwright-core@$PLAYWRIGHT_VERSION into $CACHE" >&2
    mkdir -p "$CACHE" || skip "cannot create $CACHE"
    [ -f "$CACHE/package.json" ] || echo '{"private":true}' > "$CACHE/package.json"
    (cd "$CACHE" && npm install --no-audit --no-fund --silent "playwright-core@$PLAYWRIGHT_VERSION") >&2 \
        || skip "npm could not install playwright-core"
fi
export NODE_PATH="$CACHE/node_modules" K4J_CHROMIUM="$CHROMIUM"
exec node "$@"
