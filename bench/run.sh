#!/usr/bin/env bash
# Claimsmith benchmarks, all in one run: build, openssl speed, JMH (sign per algorithm and
# provider, render, render+sign), then the service on loopback under HTTP load per algorithm
# (POST /access_tokens, GET /.well-known/jwks.json, GET /keys as the trivial authenticated
# endpoint), then the ratios the performance issue asks for, and the server's peak RSS.
#
#   bench/run.sh                 full run (~25 minutes on 2 cores)
#   QUICK=1 bench/run.sh         short iterations, to check the harness (~8 minutes)
#   ALGORITHMS="RS256" bench/run.sh
#   REPORT_ONLY=1 bench/run.sh   print the tables again from bench/target/results/
#   HTTP_ONLY=1 bench/run.sh     only the HTTP phases; in-process figures come from the last run
#
# Knobs (seconds): SERVER_WARMUP (60 in a full run), SATURATION (60), LATENCY (20), WARMUP (10);
# CONNECTIONS (8).
# Loopback only; every load phase is bounded in time and request count.
# Needs: java 17+, mvn, openssl. Results: bench/target/results/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
out="$bench/target/results"
mkdir -p "$out"
quick="${QUICK:-0}"
algorithms="${ALGORITHMS:-RS256 ES256 EdDSA}"
if [[ "$quick" == 1 ]]; then
	server_warmup="${SERVER_WARMUP:-20}" saturation="${SATURATION:-15}" latency="${LATENCY:-10}" warmup="${WARMUP:-5}"
	jmh_args=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
	openssl_seconds=2
else
	server_warmup="${SERVER_WARMUP:-60}" saturation="${SATURATION:-60}" latency="${LATENCY:-20}" warmup="${WARMUP:-10}"
	jmh_args=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
	openssl_seconds=5
fi
connections="${CONNECTIONS:-8}"
api_key="sk_bench_$(openssl rand -hex 16)"
port="${PORT:-18080}"
work="$(mktemp -d)"
server_pid=""

cleanup() {
	if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
		kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

log() { printf '\n== %s (load average: %s)\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }

cd "$root"
if [[ "${REPORT_ONLY:-0}" != 1 ]]; then
log "Build"
# The benchmarks depend on the plain jar, installed first; then the repackaged one runs the server.
mvn -q -B -DskipTests -Dspring-javaformat.skip=true -Dmaven.jar.forceCreation=true \
	-Dspring-boot.repackage.skip=true install
mvn -q -B -DskipTests -Dspring-javaformat.skip=true -Dmaven.jar.forceCreation=true package
cp target/claimsmith-*-SNAPSHOT.jar "$work/claimsmith.jar"
(cd "$bench" && mvn -q -B package)
fi
classpath="$bench/target/classes:$(cat "$bench/target/classpath.txt")"

if [[ "${REPORT_ONLY:-0}" != 1 ]]; then
log "Machine"
{
	echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
	echo "cores: $(nproc); memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
	echo "java: $(java -version 2>&1 | head -1)"
	echo "openssl: $(openssl version)"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

fi
if [[ "${REPORT_ONLY:-0}" != 1 && "${HTTP_ONLY:-0}" != 1 ]]; then
log "openssl speed (one core, wall-clock like JMH)"
openssl speed -elapsed -seconds "$openssl_seconds" rsa2048 ecdsap256 ed25519 2>/dev/null | tee "$out/openssl.txt" | tail -6
fi
openssl_rs256=$(awk '/^rsa 2048 bits/ {print $6}' "$out/openssl.txt")
openssl_es256=$(awk '/ecdsa \(nistp256\)/ {print $7}' "$out/openssl.txt")
openssl_eddsa=$(awk '/EdDSA \(Ed25519\)/ {print $7}' "$out/openssl.txt")

if [[ "${REPORT_ONLY:-0}" != 1 && "${HTTP_ONLY:-0}" != 1 ]]; then
log "JMH (one thread)"
java -cp "$classpath" org.openjdk.jmh.Main "${jmh_args[@]}" -rf csv -rff "$out/jmh.csv" \
	-p provider=auto,corretto,conscrypt,jdk 'SignBenchmark|RenderBenchmark|MintBenchmark' | tee "$out/jmh.txt" | grep -E '^(Benchmark|[A-Za-z.]+Benchmark)' || true
fi
# score <benchmark> [param...]: the JMH score of that row, by column position.
score() {
	local name="$1" p1="${2:-}" p2="${3:-}"
	awk -F, -v name="$name" -v p1="$p1" -v p2="$p2" '
		{ sub(/\r$/, "") }
		NR > 1 && index($1, name) && ($8 == p1 || p1 == "") && ($9 == p2 || p2 == "") { print $5; exit }' "$out/jmh.csv"
}

start_server() {
	local algorithm="$1"
	rm -rf "$work/data" "$work/keys"
	java -Xms256m -Xmx512m -jar "$work/claimsmith.jar" --server.address=127.0.0.1 --server.port="$port" \
		--claimsmith.data-dir="$work/data" --claimsmith.keys.dir="$work/keys" \
		--claimsmith.templates.dir="$root/templates" --claimsmith.api-key="$api_key" \
		--claimsmith.keys.algorithm="$algorithm" --claimsmith.issuer="http://127.0.0.1:$port" \
		>"$out/server-$algorithm.log" 2>&1 &
	server_pid=$!
	for _ in $(seq 1 120); do
		if curl -fsS -o /dev/null "http://127.0.0.1:$port/.well-known/jwks.json" 2>/dev/null; then
			grep -h "Signing providers" "$out/server-$algorithm.log" | sed 's/.*: Signing/Signing/' || true
			return
		fi
		sleep 0.5
	done
	echo "server did not start; see $out/server-$algorithm.log" >&2
	exit 1
}

stop_server() {
	peak_rss_mib=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status")
	kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
	server_pid=""
}

api() {
	curl -fsS -X "$1" "http://127.0.0.1:$port$2" -H "Authorization: Bearer $api_key" \
		-H 'Content-Type: application/json' ${3:+-d "$3"}
}

# 50 users in one organization with metadata, each an admin member: mint bodies cycle over them.
seed() {
	local org user
	org=$(api POST /organizations '{"name":"Acme","domain_data":[{"domain":"acme.test","state":"verified"}],"metadata":{"plan":"pro","seats":"12"}}' | grep -o '"id":"org_[0-9A-Za-z]*"' | head -1 | cut -d'"' -f4)
	: >"$work/bodies.txt"
	for i in $(seq 1 50); do
		user=$(api POST /user_management/users "{\"email\":\"user$i@acme.test\",\"first_name\":\"Jane\",\"last_name\":\"Doe $i\",\"external_id\":\"ext-$i\",\"metadata\":{\"department\":\"engineering\"}}" | grep -o '"id":"user_[0-9A-Za-z]*"' | head -1 | cut -d'"' -f4)
		api POST /user_management/organization_memberships "{\"user_id\":\"$user\",\"organization_id\":\"$org\",\"role_slug\":\"admin\"}" >/dev/null
		echo "{\"user_id\":\"$user\",\"organization_id\":\"$org\"}" >>"$work/bodies.txt"
	done
}

# load <name> <method> <path> <rate|0> <seconds> [extra args]: prints the RESULT line.
load() {
	local name="$1" method="$2" path="$3" rate="$4" seconds="$5"
	shift 5
	java -Xmx256m -cp "$classpath" dev.claimsmith.bench.LoadGenerator --name "$name" --method "$method" \
		--url "http://127.0.0.1:$port$path" --header "Authorization: Bearer $api_key" \
		--connections "$connections" --rate "$rate" --warmup "$warmup" --duration "$seconds" \
		--max-requests 5000000 --server-pid "$server_pid" "$@" | tee -a "$out/http.txt"
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

if [[ "${REPORT_ONLY:-0}" != 1 ]]; then
: >"$out/http.txt"
fi
declare -A http_rps http_p50 http_p99 http_errors http_cpu jwks_rps jwks_p99 trivial_rps trivial_cpu rss
for algorithm in $algorithms; do
	[[ "${REPORT_ONLY:-0}" == 1 ]] && continue
	log "HTTP $algorithm"
	start_server "$algorithm"
	seed
	# The JIT compiles the mint path for over a minute: warm every measured endpoint first, so no
	# phase pays for compiling another one (the per-phase WARMUP is on top of this).
	load "warmup-mint-$algorithm" POST /access_tokens 0 "$server_warmup" --bodies "$work/bodies.txt" >/dev/null
	load "warmup-jwks-$algorithm" GET /.well-known/jwks.json 0 $((server_warmup / 4)) >/dev/null
	load "warmup-keys-$algorithm" GET /keys 0 $((server_warmup / 4)) >/dev/null
	line=$(load "mint-$algorithm-saturation" POST /access_tokens 0 "$saturation" --bodies "$work/bodies.txt")
	http_rps[$algorithm]=$(field "$line" rps)
	http_errors[$algorithm]=$(field "$line" errors)
	http_cpu[$algorithm]=$(field "$line" server_cpu_us_per_request)
	half=$(awk -v r="${http_rps[$algorithm]}" 'BEGIN { printf "%.0f", r / 2 }')
	line=$(load "mint-$algorithm-at-50pct" POST /access_tokens "$half" "$latency" --bodies "$work/bodies.txt")
	http_p50[$algorithm]=$(field "$line" p50_ms)
	http_p99[$algorithm]=$(field "$line" p99_ms)
	http_errors[$algorithm]=$((http_errors[$algorithm] + $(field "$line" errors)))
	line=$(load "jwks-$algorithm-saturation" GET /.well-known/jwks.json 0 "$latency")
	jwks_rps[$algorithm]=$(field "$line" rps)
	half=$(awk -v r="${jwks_rps[$algorithm]}" 'BEGIN { printf "%.0f", r / 2 }')
	line=$(load "jwks-$algorithm-at-50pct" GET /.well-known/jwks.json "$half" "$latency")
	jwks_p99[$algorithm]=$(field "$line" p99_ms)
	line=$(load "keys-$algorithm-saturation" GET /keys 0 "$latency")
	trivial_rps[$algorithm]=$(field "$line" rps)
	trivial_cpu[$algorithm]=$(field "$line" server_cpu_us_per_request)
	stop_server
	echo "RSS name=server-$algorithm peak_rss_mib=$peak_rss_mib" | tee -a "$out/http.txt"
done
# result <name> <field>: a field of a RESULT line in http.txt (this run's, or the last run's with REPORT_ONLY=1)
result() { grep -h " name=$1 " "$out/http.txt" | tail -1 | sed -n "s/.* $2=\([^ ]*\).*/\1/p"; }
for algorithm in $algorithms; do
	http_rps[$algorithm]=$(result "mint-$algorithm-saturation" rps)
	http_cpu[$algorithm]=$(result "mint-$algorithm-saturation" server_cpu_us_per_request)
	http_p50[$algorithm]=$(result "mint-$algorithm-at-50pct" p50_ms)
	http_p99[$algorithm]=$(result "mint-$algorithm-at-50pct" p99_ms)
	# Every phase of this algorithm counts, warm-ups and their own warm-ups included.
	http_errors[$algorithm]=$(awk -v a="$algorithm" '$2 ~ ("^name=[a-z]+-" a "(-|$)|^name=warmup-[a-z]+-" a "$") {
		for (i = 3; i <= NF; i++) if ($i ~ /^(errors|warmup_errors)=/) { split($i, kv, "="); n += kv[2] } }
		END { print n + 0 }' "$out/http.txt")
	jwks_rps[$algorithm]=$(result "jwks-$algorithm-saturation" rps)
	jwks_p99[$algorithm]=$(result "jwks-$algorithm-at-50pct" p99_ms)
	trivial_rps[$algorithm]=$(result "keys-$algorithm-saturation" rps)
	trivial_cpu[$algorithm]=$(result "keys-$algorithm-saturation" server_cpu_us_per_request)
	rss[$algorithm]=$(grep -h "name=server-$algorithm " "$out/http.txt" | tail -1 | sed -n 's/.*peak_rss_mib=\([0-9]*\).*/\1/p')
done

log "Results"
render=$(score RenderBenchmark.render)
rs256_sign=$(score SignBenchmark.sign RS256 auto)
cores=$(nproc)
{
	echo "In process (JMH, one thread; OpenSSL: openssl speed -elapsed, one core)"
	echo
	echo "| alg | provider | sign/s JDK | sign/s chosen | OpenSSL sign/s | sign ÷ OpenSSL | render ÷ sign | render+sign/s |"
	echo "|---|---|---|---|---|---|---|---|"
	for algorithm in RS256 ES256 EdDSA; do
		case "$algorithm" in RS256) ossl=$openssl_rs256 ;; ES256) ossl=$openssl_es256 ;; *) ossl=$openssl_eddsa ;; esac
		awk -v a="$algorithm" -v p="$(java -cp "$classpath" dev.claimsmith.bench.ProviderName "$algorithm" 2>/dev/null)" \
			-v jdk="$(score SignBenchmark.sign "$algorithm" jdk)" -v s="$(score SignBenchmark.sign "$algorithm" auto)" \
			-v o="$ossl" -v r="$render" -v m="$(score MintBenchmark.renderAndSign "$algorithm")" 'BEGIN {
			printf "| %s | %s | %.0f | %.0f | %.0f | %.2f | %.1f %% | %.0f |\n", a, p, jdk, s, o, s / o, 100 * s / r, m }'
	done
	awk -v r="$render" -v s="$rs256_sign" 'BEGIN { printf "\nRender of templates/default.json: %.0f/s (%.2f µs), %.2f %% of an RS256 signature.\n", r, 1e6 / r, 100 * s / r }'
	echo
	echo "Sign/s per provider, for the choice (JMH, one thread):"
	echo
	echo "| alg | Corretto | Conscrypt | JDK (Tink for EdDSA) |"
	echo "|---|---|---|---|"
	for algorithm in RS256 ES256 EdDSA; do
		awk -v a="$algorithm" -v c="$(score SignBenchmark.sign "$algorithm" corretto)" \
			-v b="$(score SignBenchmark.sign "$algorithm" conscrypt)" -v j="$(score SignBenchmark.sign "$algorithm" jdk)" \
			'BEGIN { printf "| %s | %.0f | %.0f | %.0f |\n", a, c, b, j }'
	done
	echo
	echo "HTTP on loopback ($connections connections; the load generator shares the $cores cores with the server)"
	echo
	echo "| alg | mint/s at saturation | ÷ (render+sign/s × $cores cores) | p50 / p99 ms at 50 % | server CPU µs per mint | mint ÷ GET /keys (by rate / by CPU) | JWKS/s (p99 ms at 50 %) | errors | peak RSS MiB |"
	echo "|---|---|---|---|---|---|---|---|---|"
	for algorithm in $algorithms; do
		awk -v a="$algorithm" -v m="$(score MintBenchmark.renderAndSign "$algorithm")" -v cores="$cores" \
			-v h="${http_rps[$algorithm]:-0}" -v p50="${http_p50[$algorithm]:-0}" -v p99="${http_p99[$algorithm]:-0}" \
			-v c="${http_cpu[$algorithm]:-0}" -v t="${trivial_rps[$algorithm]:-0}" -v tc="${trivial_cpu[$algorithm]:-0}" \
			-v j="${jwks_rps[$algorithm]:-0}" -v jp="${jwks_p99[$algorithm]:-0}" \
			-v e="${http_errors[$algorithm]:-0}" -v rss="${rss[$algorithm]:-0}" 'BEGIN {
			printf "| %s | %.0f | %.2f | %.1f / %.1f | %.0f | %.2f / %.2f | %.0f (%.1f) | %d | %s |\n",
				a, h, h / (m * cores), p50, p99, c, (t > 0 ? h / t : 0), (c > 0 ? tc / c : 0), j, jp, e, rss }'
	done
	echo
	echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/summary.md"
