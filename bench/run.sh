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
#   HTTP_ONLY=1 SIGN_ROUNDS_ONLY=1 bench/run.sh   only the side-by-side sign ÷ OpenSSL rounds
#   PIN=1 bench/run.sh           the one-core method instead (server on core 0 from launch, wrk on
#                                core 1, openssl speed on core 0), per algorithm with the plain
#                                Spring MVC floor once, then Keycloak the same way per algorithm
#                                (KEYCLOAK_ALGORITHMS, KEYCLOAK=0, FLOOR=0): bench/pin.sh, bench/keycloak.sh
#
# Knobs (seconds): SERVER_WARMUP (at least 180 in a full run; then on until the server's CPU per
# mint is steady, up to SERVER_WARMUP_MAX, 420), SATURATION (60), LATENCY (20), WARMUP (10);
# CONNECTIONS (8).
# Loopback only; every load phase is bounded in time and request count.
# Needs: java 17+, mvn, openssl, curl; wrk (Debian package) for the saturation runs, else they fall
# back to the Java load generator. Results: bench/target/results/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
out="$bench/target/results"
mkdir -p "$out"
quick="${QUICK:-0}"
algorithms="${ALGORITHMS:-RS256 ES256 EdDSA}"
if [[ "$quick" == 1 ]]; then
	server_warmup="${SERVER_WARMUP:-20}" server_warmup_max="${SERVER_WARMUP_MAX:-60}" saturation="${SATURATION:-15}" latency="${LATENCY:-10}" warmup="${WARMUP:-5}"
	jmh_args=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
	openssl_seconds=2
else
	server_warmup="${SERVER_WARMUP:-180}" server_warmup_max="${SERVER_WARMUP_MAX:-420}" saturation="${SATURATION:-60}" latency="${LATENCY:-20}" warmup="${WARMUP:-10}"
	jmh_args=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
	openssl_seconds=5
fi
connections="${CONNECTIONS:-8}"
cores=$(nproc)
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

# The one-core method instead, on the jar and load generator just built.
if [[ "${PIN:-0}" == 1 ]]; then
	floor="${FLOOR:-1}"
	for algorithm in $algorithms; do
		log "One core: $algorithm"
		# The floor (plain Spring MVC) does not depend on the algorithm: measured once.
		JAR="$work/claimsmith.jar" ALGORITHM="$algorithm" FLOOR="$floor" "$bench/pin.sh"
		cp "$bench/target/pin/summary.md" "$out/pin-$algorithm.md"
		floor=0
	done
	# The peer, with the same pinning and each algorithm (KEYCLOAK=0 skips it).
	if [[ "${KEYCLOAK:-1}" == 1 ]]; then
		for algorithm in ${KEYCLOAK_ALGORITHMS:-$algorithms}; do
			log "One core: Keycloak, $algorithm"
			ALGORITHM="$algorithm" "$bench/keycloak.sh"
			cp "$bench/target/keycloak/summary.md" "$out/pin-keycloak-$algorithm.md"
		done
	fi
	exit 0
fi

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
# score <benchmark> [param...]: the JMH score of that row in jmh.csv (or in $csv), by column position.
score() {
	local name="$1" p1="${2:-}" p2="${3:-}"
	awk -F, -v name="$name" -v p1="$p1" -v p2="$p2" '
		{ sub(/\r$/, "") }
		NR > 1 && index($1, name) && ($8 == p1 || p1 == "") && ($9 == p2 || p2 == "") { print $5; exit }' \
		"${csv:-$out/jmh.csv}" 2>/dev/null
}

# sign_rounds: sign ÷ OpenSSL measured side by side, per algorithm: openssl speed, then JMH signing
# with the chosen provider, three times over (once with QUICK=1). Each ratio compares two figures
# seconds apart; the median of three is reported, as the host's speed drifts more between
# phases of a run than the providers differ.
sign_rounds() {
	local rounds=3 round algorithm name field_no o j
	[[ "$quick" == 1 ]] && rounds=1
	: >"$out/sign-rounds.txt"
	for round in $(seq 1 "$rounds"); do
		for algorithm in RS256 ES256 EdDSA; do
			case "$algorithm" in
				RS256) name=rsa2048 pattern='^rsa 2048 bits' field_no=6 ;;
				ES256) name=ecdsap256 pattern='ecdsa \(nistp256\)' field_no=7 ;;
				*) name=ed25519 pattern='EdDSA \(Ed25519\)' field_no=7 ;;
			esac
			o=$(openssl speed -elapsed -seconds 3 "$name" 2>/dev/null | awk -v f="$field_no" -v p="$pattern" '$0 ~ p { print $f }')
			java -cp "$classpath" org.openjdk.jmh.Main -f 1 -wi 2 -w 1s -i 3 -r 1s -p algorithm="$algorithm" \
				-p provider=auto -rf csv -rff "$out/sign-round.csv" 'SignBenchmark' >/dev/null
			j=$(csv="$out/sign-round.csv" score SignBenchmark.sign "$algorithm" auto)
			awk -v a="$algorithm" -v r="$round" -v o="$o" -v j="$j" \
				'BEGIN { printf "ROUND alg=%s round=%s openssl=%.0f sign=%.0f ratio=%.3f\n", a, r, o, j, j / o }' |
				tee -a "$out/sign-rounds.txt"
		done
	done
}
# median_ratio <algorithm>: the median sign ÷ OpenSSL of the interleaved rounds
median_ratio() {
	grep -h "^ROUND alg=$1 " "$out/sign-rounds.txt" 2>/dev/null | sed -n 's/.* ratio=\([0-9.]*\).*/\1/p' | sort -n |
		awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print 0 }'
}

if [[ "${REPORT_ONLY:-0}" != 1 && ("${HTTP_ONLY:-0}" != 1 || "${SIGN_ROUNDS_ONLY:-0}" == 1) ]]; then
	log "Sign ÷ OpenSSL, side by side"
	sign_rounds
fi
http_algorithms="$algorithms"
if [[ "${SIGN_ROUNDS_ONLY:-0}" == 1 ]]; then
	http_algorithms=""
fi

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

# api and seed (one organization, 50 admin members, $work/bodies.txt).
# shellcheck source=seed.sh
source "$bench/seed.sh"

# load <name> <method> <path> <rate|0> <seconds> [extra args]: prints the RESULT line.
load() {
	local name="$1" method="$2" path="$3" rate="$4" seconds="$5"
	shift 5
	java -Xmx256m -cp "$classpath" dev.claimsmith.bench.LoadGenerator --name "$name" --method "$method" \
		--url "http://127.0.0.1:$port$path" --header "Authorization: Bearer $api_key" \
		--connections "$connections" --rate "$rate" --warmup "$warmup" --duration "$seconds" \
		--max-requests 5000000 --server-pid "$server_pid" "$@" | tee -a "$out/http.txt"
}
# saturate <name> <path> <seconds> [bodies file]: closed-loop saturation, after WARMUP seconds of
# the same. With wrk when it is installed: a C client on epoll costs about half the CPU per request
# of the Java generator, and on 2 shared cores whatever the client burns the server cannot use.
# Prints a RESULT line like the Java generator's, with the server's CPU per request from /proc.
saturate() {
	local name="$1" path="$2" seconds="$3" bodies="${4:-}" ticks before after line
	if ! command -v wrk >/dev/null; then
		load "$name" "$( [[ -n "$bodies" ]] && echo POST || echo GET)" "$path" 0 "$seconds" ${bodies:+--bodies "$bodies"}
		return
	fi
	wrk_run() {
		wrk -t 2 -c "$connections" -d "$1s" --timeout 10s -s "$bench/wrk/bodies.lua" \
			-H "Authorization: Bearer $api_key" "http://127.0.0.1:$port$path" -- "$bodies" "$2" | grep '^RESULT'
	}
	line=$(wrk_run "$warmup" "$name-warmup")
	echo "$line" >>"$out/http.txt"
	ticks=$(getconf CLK_TCK)
	before=$(awk '{ print $14 + $15 }' "/proc/$server_pid/stat")
	line=$(wrk_run "$seconds" "$name")
	after=$(awk '{ print $14 + $15 }' "/proc/$server_pid/stat")
	line="$line connections=$connections server_cpu_us_per_request=$(awk -v t="$((after - before))" -v hz="$ticks" \
		-v n="$(field "$line" requests)" 'BEGIN { printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0) }')"
	echo "$line" | tee -a "$out/http.txt"
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

# warm_mint <algorithm>: mint at saturation in 15 s rounds, for at least SERVER_WARMUP seconds and
# then until two rounds in a row cost the server the same CPU per mint (within 3 %), at most
# SERVER_WARMUP_MAX. Under saturation the JIT's compiler threads compete with 8 busy request
# threads, so the mint path takes minutes to compile (longest for RS256, the fewest requests per second).
warm_mint() {
	local algorithm="$1" seconds=0 previous=0 cpu steady
	while ((seconds < server_warmup_max)); do
		cpu=$(field "$(load "warmup-mint-$algorithm" POST /access_tokens 0 15 --warmup 0 --bodies "$work/bodies.txt")" \
			server_cpu_us_per_request)
		seconds=$((seconds + 15))
		steady=$(awk -v a="$previous" -v b="$cpu" 'BEGIN { print (a > 0 && b > 0 && (a - b) / a < 0.03 && (b - a) / a < 0.03) }')
		printf 'warm-up: %3d s, %s µs of server CPU per mint\n' "$seconds" "$cpu"
		if ((seconds >= server_warmup)) && [[ "$steady" == 1 ]]; then
			break
		fi
		previous=$cpu
	done
	echo "WARMUP name=server-$algorithm seconds=$seconds steady=$steady cpu_us_per_mint=$cpu" | tee -a "$out/http.txt"
}

if [[ "${REPORT_ONLY:-0}" != 1 && "${SIGN_ROUNDS_ONLY:-0}" != 1 ]]; then
: >"$out/http.txt"
fi
declare -A http_rps http_p50 http_p99 http_errors http_cpu jwks_rps jwks_p99 trivial_rps trivial_cpu rss
for algorithm in $http_algorithms; do
	[[ "${REPORT_ONLY:-0}" == 1 ]] && continue
	log "HTTP $algorithm"
	start_server "$algorithm"
	seed
	# The JIT compiles the mint path for over a minute: warm every measured endpoint first, so no
	# phase pays for compiling another one (the per-phase WARMUP is on top of this).
	warm_mint "$algorithm"
	load "warmup-jwks-$algorithm" GET /.well-known/jwks.json 0 15 >/dev/null
	load "warmup-keys-$algorithm" GET /keys 0 15 >/dev/null
	# The in-process rate on all cores, measured now, seconds before the HTTP saturation run, with
	# the server idle: the 2 cores' own speed drifts by tens of percent over a run on a shared host.
	log "JMH render+sign $algorithm on $cores threads, next to the HTTP phase"
	java -cp "$classpath" org.openjdk.jmh.Main "${jmh_args[@]}" -t "$cores" -p algorithm="$algorithm" -rf csv \
		-rff "$out/jmh-all-cores-$algorithm.csv" 'MintBenchmark' >"$out/jmh-all-cores-$algorithm.txt"
	grep -E '^MintBenchmark' "$out/jmh-all-cores-$algorithm.txt" || true
	line=$(saturate "mint-$algorithm-saturation" /access_tokens "$saturation" "$work/bodies.txt")
	http_rps[$algorithm]=$(field "$line" rps)
	http_errors[$algorithm]=$(field "$line" errors)
	http_cpu[$algorithm]=$(field "$line" server_cpu_us_per_request)
	half=$(awk -v r="${http_rps[$algorithm]}" 'BEGIN { printf "%.0f", r / 2 }')
	line=$(load "mint-$algorithm-at-50pct" POST /access_tokens "$half" "$latency" --bodies "$work/bodies.txt")
	http_p50[$algorithm]=$(field "$line" p50_ms)
	http_p99[$algorithm]=$(field "$line" p99_ms)
	http_errors[$algorithm]=$((http_errors[$algorithm] + $(field "$line" errors)))
	line=$(saturate "jwks-$algorithm-saturation" /.well-known/jwks.json "$latency")
	jwks_rps[$algorithm]=$(field "$line" rps)
	half=$(awk -v r="${jwks_rps[$algorithm]}" 'BEGIN { printf "%.0f", r / 2 }')
	line=$(load "jwks-$algorithm-at-50pct" GET /.well-known/jwks.json "$half" "$latency")
	jwks_p99[$algorithm]=$(field "$line" p99_ms)
	line=$(saturate "keys-$algorithm-saturation" /keys "$latency")
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
{
	echo "In process (JMH, one thread; OpenSSL: openssl speed -elapsed, one core)"
	echo
	echo "| alg | provider | sign/s JDK | sign/s chosen | OpenSSL sign/s | sign ÷ OpenSSL | sign ÷ OpenSSL side by side (median of rounds) | render ÷ sign | render+sign/s |"
	echo "|---|---|---|---|---|---|---|---|---|"
	for algorithm in RS256 ES256 EdDSA; do
		case "$algorithm" in RS256) ossl=$openssl_rs256 ;; ES256) ossl=$openssl_es256 ;; *) ossl=$openssl_eddsa ;; esac
		awk -v a="$algorithm" -v p="$(java -cp "$classpath" dev.claimsmith.bench.ProviderName "$algorithm" 2>/dev/null)" \
			-v jdk="$(score SignBenchmark.sign "$algorithm" jdk)" -v s="$(score SignBenchmark.sign "$algorithm" auto)" \
			-v o="$ossl" -v r="$render" -v m="$(score MintBenchmark.renderAndSign "$algorithm")" \
			-v side="$(median_ratio "$algorithm")" 'BEGIN {
			printf "| %s | %s | %.0f | %.0f | %.0f | %.2f | **%.2f** | %.1f %% | %.0f |\n", a, p, jdk, s, o, s / o, side, 100 * s / r, m }'
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
	if grep -q ' tool=wrk ' "$out/http.txt"; then client="wrk at saturation, the Java generator at 50 %"; else client="the Java generator"; fi
	echo "HTTP on loopback ($connections connections; $client; the client shares the $cores cores with the server)"
	echo
	echo "| alg | server warm-up s | mint/s at saturation | in-process render+sign/s on $cores threads | mint ÷ in-process ($cores threads / 1 thread × $cores) | p50 / p99 ms at 50 % | server CPU µs per mint | mint ÷ GET /keys (by rate / by CPU) | JWKS/s (p99 ms at 50 %) | errors | peak RSS MiB |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|"
	for algorithm in $algorithms; do
		awk -v a="$algorithm" -v m="$(score MintBenchmark.renderAndSign "$algorithm")" -v cores="$cores" \
			-v mc="$(csv="$out/jmh-all-cores-$algorithm.csv" score MintBenchmark.renderAndSign "$algorithm")" \
			-v w="$(grep -h "^WARMUP name=server-$algorithm " "$out/http.txt" | tail -1 | sed -n 's/.* seconds=\([0-9]*\).*/\1/p')" \
			-v h="${http_rps[$algorithm]:-0}" -v p50="${http_p50[$algorithm]:-0}" -v p99="${http_p99[$algorithm]:-0}" \
			-v c="${http_cpu[$algorithm]:-0}" -v t="${trivial_rps[$algorithm]:-0}" -v tc="${trivial_cpu[$algorithm]:-0}" \
			-v j="${jwks_rps[$algorithm]:-0}" -v jp="${jwks_p99[$algorithm]:-0}" \
			-v e="${http_errors[$algorithm]:-0}" -v rss="${rss[$algorithm]:-0}" 'BEGIN {
			printf "| %s | %s | %.0f | %.0f | **%.2f** / %.2f | %.1f / %.1f | %.0f | %.2f / %.2f | %.0f (%.1f) | %d | %s |\n",
				a, w, h, mc, (mc > 0 ? h / mc : 0), (m > 0 ? h / (m * cores) : 0), p50, p99, c, (t > 0 ? h / t : 0),
				(c > 0 ? tc / c : 0), j, jp, e, rss }'
	done
	echo
	echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/summary.md"
