#!/usr/bin/env bash
# Keycloak next to Claimsmith with the one-core method of bench/pin.sh: Keycloak (the Quarkus
# distribution from Maven Central, dev mode, H2 in a fresh data folder) pinned to core 0 from
# launch on Temurin 25, wrk -t1 on core 1, and `openssl speed` on core 0 in the same run. One realm,
# one confidential client with a service account whose user attribute department=engineering goes
# into the access token by a protocol mapper, then the client_credentials grant at saturation:
# warm-up, then measured. ALGORITHM (RS256, Keycloak's default; ES256; EdDSA) is the realm's
# default signature algorithm (Keycloak makes the realm a key for it), compared with OpenSSL's.
#
#   bench/keycloak.sh                    downloads Keycloak once into bench/target/keycloak/
#   KEYCLOAK_TGZ=/tmp/kc.tar.gz bench/keycloak.sh        unpacks a tarball already downloaded
#   KEYCLOAK_VERSION=26.5.6 KEYCLOAK_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/keycloak.sh
#
# Knobs (seconds): WARM (60), SECONDS_MEASURED (20), KEYCLOAK_START_TIMEOUT (180); CONNECTIONS (16),
# KEYCLOAK_PORT (18180). The heap is kc.sh's default outside a container (-Xms64m -Xmx512m).
# Needs: curl, jq, openssl, wrk (Debian package), taskset, tar, two cores. Loopback only.
# Results: bench/target/keycloak/ (summary.md, raw.txt, server.log; the tarball and unpacked dist).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
out="$bench/target/keycloak"
version="${KEYCLOAK_VERSION:-26.5.6}"
java_home="${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
warm="${WARM:-60}"
algorithm="${ALGORITHM:-RS256}"
case "$algorithm" in
	RS256 | ES256 | EdDSA) ;;
	*) echo "ALGORITHM must be RS256, ES256 or EdDSA." >&2; exit 1 ;;
esac
measured="${SECONDS_MEASURED:-20}"
connections="${CONNECTIONS:-16}"
port="${KEYCLOAK_PORT:-18180}"
base="http://127.0.0.1:$port"
url="https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.tar.gz"
tgz="${KEYCLOAK_TGZ:-$out/keycloak-quarkus-dist-$version.tar.gz}"
home="$out/keycloak-$version"
work="$(mktemp -d)"
admin_password="$(openssl rand -hex 16)"
secret="$(openssl rand -hex 24)"
launcher_pid=""
server_pid=""
mkdir -p "$out"
: >"$out/raw.txt"

if (($(nproc) < 2)); then
	echo "The one-core method needs two cores: one for the server, one for wrk." >&2
	exit 1
fi
for tool in wrk taskset curl openssl jq tar; do
	command -v "$tool" >/dev/null || { echo "$tool is missing (wrk: apt-get install wrk)" >&2; exit 1; }
done
[[ -x "$java_home/bin/java" ]] || { echo "No java in $java_home: set KEYCLOAK_JAVA_HOME." >&2; exit 1; }
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
	echo "Something already listens on port $port: stop it, or set KEYCLOAK_PORT." >&2
	exit 1
fi

stop_server() {
	local pid
	for pid in $server_pid $launcher_pid; do
		kill "$pid" 2>/dev/null || true
	done
	for _ in $(seq 1 120); do
		kill -0 "$server_pid" 2>/dev/null || kill -0 "$launcher_pid" 2>/dev/null || break
		sleep 0.25
	done
	for pid in $server_pid $launcher_pid; do
		kill -9 "$pid" 2>/dev/null || true
	done
	[[ -z "$launcher_pid" ]] || wait "$launcher_pid" 2>/dev/null || true
	server_pid="" launcher_pid=""
}
cleanup() {
	stop_server
	rm -rf "$work" "$home/data"
}
trap cleanup EXIT

# The distribution, downloaded (checked against Maven Central's SHA-1) and unpacked once.
if [[ ! -x "$home/bin/kc.sh" ]]; then
	if [[ ! -f "$tgz" ]]; then
		curl -fsSL -o "$tgz.part" "$url"
		mv "$tgz.part" "$tgz"
	fi
	sha1="$(curl -fsS "$url.sha1" | cut -c1-40)"
	[[ "$(sha1sum "$tgz" | cut -d' ' -f1)" == "$sha1" ]] || { echo "$tgz is not $url (SHA-1)" >&2; exit 1; }
	tar xzf "$tgz" -C "$out"
	[[ -x "$home/bin/kc.sh" ]] || { echo "$tgz holds no keycloak-$version/" >&2; exit 1; }
fi

# Keycloak on core 0 from launch, a fresh H2 database (data/ removed before and after).
rm -rf "$home/data"
started=$(date +%s.%N)
JAVA_HOME="$java_home" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
	taskset -c 0 "$home/bin/kc.sh" start-dev --http-port="$port" --http-host=127.0.0.1 >"$out/server.log" 2>&1 &
launcher_pid=$!
for i in $(seq 1 "$((${KEYCLOAK_START_TIMEOUT:-180} * 4))"); do
	curl -fsS -o /dev/null "$base/realms/master/.well-known/openid-configuration" 2>/dev/null && break
	if ! kill -0 "$launcher_pid" 2>/dev/null || ((i == ${KEYCLOAK_START_TIMEOUT:-180} * 4)); then
		echo "Keycloak did not start: see $out/server.log" >&2
		exit 1
	fi
	sleep 0.25
done
ready=$(date +%s.%N)
# kc.sh runs java as its child, or execs it after a re-augmentation: the java process is measured.
if [[ "$(cat "/proc/$launcher_pid/comm")" == java ]]; then
	server_pid=$launcher_pid
else
	server_pid=$(pgrep -P "$launcher_pid" -x java) || { echo "No java process under kc.sh ($launcher_pid)" >&2; exit 1; }
fi

echo "keycloak $version start-dev; java: $("$java_home/bin/java" -version 2>&1 | head -1); $algorithm; $connections connections" |
	tee -a "$out/raw.txt"

# Configuration through the admin REST API.
token=$(curl -fsS "$base/realms/master/protocol/openid-connect/token" -d grant_type=password \
	-d client_id=admin-cli -d username=admin --data-urlencode "password=$admin_password" | jq -r .access_token)
admin() {
	curl -sS --fail-with-body -X "$1" "$base/admin/realms$2" -H "Authorization: Bearer $token" \
		-H 'Content-Type: application/json' ${3:+--data-binary "$3"}
}
admin POST "" "$(jq -nc --arg alg "$algorithm" '{realm:"bench",enabled:true,defaultSignatureAlgorithm:$alg}')"
# Keycloak 26's declarative user profile drops undeclared attributes: declare department (admin-only).
profile=$(admin GET /bench/users/profile | jq -c '.attributes += [{"name":"department","displayName":"Department",
	"multivalued":false,"permissions":{"view":["admin"],"edit":["admin"]}}]')
admin PUT /bench/users/profile "$profile" >/dev/null
admin POST /bench/clients "$(jq -nc --arg secret "$secret" '{clientId:"bench-client",enabled:true,
	publicClient:false,serviceAccountsEnabled:true,standardFlowEnabled:false,directAccessGrantsEnabled:false,
	clientAuthenticatorType:"client-secret",secret:$secret,protocolMappers:[{name:"department",
	protocol:"openid-connect",protocolMapper:"oidc-usermodel-attribute-mapper",config:{"user.attribute":"department",
	"claim.name":"department","access.token.claim":"true","id.token.claim":"false","userinfo.token.claim":"false",
	"jsonType.label":"String"}}]}')"
client=$(admin GET "/bench/clients?clientId=bench-client" | jq -r '.[0].id')
user=$(admin GET "/bench/clients/$client/service-account-user")
user_id=$(jq -r .id <<<"$user")
admin PUT "/bench/users/$user_id" "$(jq -c '.attributes = ((.attributes // {}) + {department:["engineering"]})' <<<"$user")"
admin GET "/bench/users/$user_id" | jq -e '.attributes.department == ["engineering"]' >/dev/null ||
	{ echo "The service account user lost its department attribute." >&2; exit 1; }

# One token checked by hand: the algorithm, and the department claim in its payload.
form="grant_type=client_credentials&client_id=bench-client&client_secret=$secret"
b64url() {
	local s
	s=$(tr '_-' '/+' <<<"$1")
	while ((${#s} % 4)); do s+="="; done
	base64 -d <<<"$s"
}
jwt=$(curl -fsS "$base/realms/bench/protocol/openid-connect/token" -d "$form" | jq -r .access_token)
payload=$(b64url "$(cut -d. -f2 <<<"$jwt")")
if ! b64url "$(cut -d. -f1 <<<"$jwt")" | jq -e --arg alg "$algorithm" '.alg == $alg' >/dev/null ||
	! jq -e '.department == "engineering"' <<<"$payload" >/dev/null; then
	echo "The access token is not $algorithm with \"department\":\"engineering\": $payload" >&2
	exit 1
fi
echo "token: ${#jwt} bytes, payload $(jq -c . <<<"$payload")" >>"$out/raw.txt"

# bodies.lua sends its bodies as JSON (over any -H): this wrapper sends them as a form, and also
# counts 1xx and 3xx answers as errors (wrk counts 400 and above).
echo "$form" >"$work/bodies.txt"
cat >"$work/form.lua" <<EOF
dofile("$bench/wrk/bodies.lua")
local all, bodies_setup, bodies_init, bodies_done = {}, setup, init, done
not_2xx = 0
function setup(thread) table.insert(all, thread); bodies_setup(thread) end
function init(args) bodies_init(args); wrk.headers["Content-Type"] = "application/x-www-form-urlencoded" end
function response(status) if status < 200 or (status >= 300 and status < 400) then not_2xx = not_2xx + 1 end end
function done(summary, latency, requests)
	for _, t in ipairs(all) do summary.errors.status = summary.errors.status + t:get("not_2xx") end
	bodies_done(summary, latency, requests)
end
EOF

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

# phase <name> <seconds> <array>: sets the array to (rps cpu_us_per_token p99_ms errors), logs the wrk line.
phase() {
	local name="$1" seconds="$2" before after line
	local -n result="$3"
	before=$(cpu_ticks)
	line=$(taskset -c 1 wrk -t 1 -c "$connections" -d "${seconds}s" --timeout 10s -s "$work/form.lua" \
		"$base/realms/bench/protocol/openid-connect/token" -- "$work/bodies.txt" "$name" | grep '^RESULT')
	after=$(cpu_ticks)
	echo "$line load=$(cut -d' ' -f1 /proc/loadavg)" >>"$out/raw.txt"
	read -r -a result <<<"$(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$(field "$line" requests)" \
		-v rps="$(field "$line" rps)" -v p99="$(field "$line" p99_ms)" -v e="$(field "$line" errors)" \
		'BEGIN { printf "%.0f %.0f %.1f %d", rps, n ? t * 1e6 / hz / n : 0, p99, e }')"
}

phase warm "$warm" warm_result
read -r warm_rps warm_cpu warm_p99 warm_errors <<<"${warm_result[*]}"
phase client-credentials "$measured" measured_result
read -r rps cpu p99 errors <<<"${measured_result[*]}"
rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")
stop_server

# shellcheck source=openssl-speed.sh
source "$bench/openssl-speed.sh"
openssl_speed "$algorithm"
echo "openssl $openssl_alg signs/s on core 0: $signs" >>"$out/raw.txt"

{
	echo "| Keycloak $version, $algorithm, one core | tokens/s | ÷ OpenSSL | server CPU µs per token | p99 ms | errors |"
	echo "|---|---|---|---|---|---|"
	awk -v s="$signs" -v w="$warm" -v wr="$warm_rps" -v wc="$warm_cpu" -v wp="$warm_p99" -v we="$warm_errors" \
		-v m="$measured" -v r="$rps" -v c="$cpu" -v p="$p99" -v e="$errors" 'BEGIN {
		printf "| client_credentials, warm-up (%d s) | %s | %.2f | %s | %s | %s |\n", w, wr, wr / s, wc, wp, we
		printf "| client_credentials, measured (%d s) | %s | **%.2f** | %s | %s | %s |\n", m, r, r / s, c, p, e
		printf "| OpenSSL %s signs/s on the same core | %s | 1 | %.0f | | |\n", "'"$openssl_alg"'", s, 1e6 / s
	}'
	printf '\nKeycloak ready %.1f s after launch; peak RSS %s MiB; access token %d bytes.\n' \
		"$(awk -v a="$started" -v b="$ready" 'BEGIN { print b - a }')" "$rss" "${#jwt}"
} | tee "$out/summary.md"
if ((errors > 0)); then
	echo "$errors errors in the measured phase: see $out/raw.txt" >&2
	exit 1
fi
