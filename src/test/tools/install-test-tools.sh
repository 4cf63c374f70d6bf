#!/usr/bin/env bash
# Installs what the test suite needs beyond Java and Maven, when missing, so that the README's
# test command (mvn verify) passes on a fresh machine. Run by Maven (exec-maven-plugin, phase
# process-test-classes); skipped with -DskipTests.
#   - Debian's Chromium and ChromeDriver, for the playground's browser test (PlaygroundBrowserApiTest).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi

echo "Installing Debian packages for the browser test: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
	sudo=(sudo -n)
else
	echo "Cannot install ${missing[*]}: not root and no password-less sudo." >&2
	echo "Install them once with: sudo apt-get install -y ${missing[*]}" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q "${missing[@]}"
