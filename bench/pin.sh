#!/usr/bin/env bash
# The one-core method of the performance issue, as an operator sees it: the server pinned to core 0
# from launch (so the JVM sizes itself for one CPU), wrk -t1 on core 1, and `openssl speed` on core 0
# in the same run. Phases: cold start (the first 30 s of minting, in 10 s windows), warm-up, then
# POST /access_tokens at saturation, then at half that rate open loop (bench's LoadGenerator, latency
# counted from when each request was due), GET /keys (a trivial authenticated request), JWKS, the floor
# (bench's FloorApplication: plain Spring MVC, same core and load; FLOOR=0 skips it), OpenSSL.
#
#   bench/pin.sh                         builds HEAD's jar, RS256
#   JAR=target/claimsmith-….jar ALGORITHM=ES256 bench/pin.sh
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java JAVA_OPTS='-XX:AOTCache=…' bench/pin.sh
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java AOT=1 bench/pin.sh   with an AOT cache trained first
#   PROFILE=1 bench/pin.sh               also profiles the measured mint and GET /keys phases: with
#                                        async-profiler when ASYNC_PROFILER names its libasyncProfiler.so
#                                        (collapsed stacks), else with JFR
#
# Knobs (seconds): WARM (150, after the cold-start phase), SECONDS_MEASURED (20), TRAIN (60, the AOT
# training run's minting); CONNECTIONS (16).
# Needs: java 17+, mvn, curl, openssl, wrk (Debian package), taskset, two cores. Loopback only.
# Results: bench/target/pin/ (summary.md, raw.txt, server.log, profile-*.collapsed or profile-*.jfr).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
out="$bench/target/pin"
algorithm="${ALGORITHM:-RS256}"
warm="${WARM:-150}"
measured="${SECONDS_MEASURED:-20}"
connections="${CONNECTIONS:-16}"
port="${PORT:-18095}"
java="${JAVA:-java}"
read -r -a java_opts <<<"${JAVA_OPTS:-}"
work="$(mktemp -d)"
api_key="sk_bench_$(openssl rand -hex 16)"
server_pid=""
mkdir -p "$out"
: >"$out/raw.txt"

if (($(nproc) < 2)); then
	echo "The one-core method needs two cores: one for the server, one for wrk." >&2
	exit 1
fi
for tool in wrk taskset curl openssl; do
	command -v "$tool" >/dev/null || { echo "$tool is missing (wrk: apt-get install wrk)" >&2; exit 1; }
done
if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
	echo "Something already listens on port $port: stop it, or set PORT." >&2
	exit 1
fi

cleanup() {
	if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
		kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

jar="${JAR:-}"
if [[ -n "$jar" ]]; then
	cp "$jar" "$work/$(basename "$jar")"
	jar="$work/$(basename "$jar")"
fi
# The open-loop generator for the p99 at half load: bench/ is its own Maven project, built against
# the service's plain jar (installed first, as bench/run.sh does).
if [[ ! -f "$bench/target/classpath.txt" ]]; then
	(cd "$root" && mvn -q -B -DskipTests -Dspring-javaformat.skip=true -Dmaven.jar.forceCreation=true \
		-Dspring-boot.repackage.skip=true install)
	(cd "$bench" && mvn -q -B package)
fi
classpath="$bench/target/classes:$(cat "$bench/target/classpath.txt")"
if [[ -z "$jar" ]]; then
	(cd "$root" && mvn -q -B -DskipTests -Dspring-javaformat.skip=true -Dmaven.jar.forceCreation=true package)
	jar="$(ls "$root"/target/claimsmith-*-SNAPSHOT.jar | head -1)"
fi

# api and seed (one organization, 50 admin members, $work/bodies.txt).
# shellcheck source=seed.sh
source "$bench/seed.sh"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

# phase <name> <seconds> <path> [bodies]: prints "rps cpu_us_per_request p99_ms" and logs the wrk line.
phase() {
	local name="$1" seconds="$2" path="$3" bodies="${4:-}" before after line
	before=$(cpu_ticks)
	line=$(taskset -c 1 wrk -t 1 -c "$connections" -d "${seconds}s" --timeout 10s -s "$bench/wrk/bodies.lua" \
		-H "Authorization: Bearer $api_key" "http://127.0.0.1:$port$path" -- "$bodies" "$name" | grep '^RESULT')
	after=$(cpu_ticks)
	echo "$line load=$(cut -d' ' -f1 /proc/loadavg)" >>"$out/raw.txt"
	if [[ "$(field "$line" errors)" != 0 ]]; then
		echo "errors in $name: $line" >&2
		exit 1
	fi
	awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$(field "$line" requests)" \
		-v rps="$(field "$line" rps)" -v p99="$(field "$line" p99_ms)" \
		'BEGIN { printf "%.0f %.0f %.1f", rps, t * 1e6 / hz / n, p99 }'
}

# profiling start|stop <name>: a CPU profile of what runs in between (PROFILE=1).
profiling() {
	[[ "${PROFILE:-0}" == 1 ]] || return 0
	if [[ -n "${ASYNC_PROFILER:-}" && "$1" == start ]]; then
		# jcmd splits its arguments at "=": the options go quoted.
		jcmd "$server_pid" JVMTI.agent_load "$ASYNC_PROFILER" "\"start,event=cpu,interval=500us\"" >/dev/null
	elif [[ -n "${ASYNC_PROFILER:-}" ]]; then
		jcmd "$server_pid" JVMTI.agent_load "$ASYNC_PROFILER" "\"stop,collapsed,file=$out/profile-$2.collapsed\"" >/dev/null
	elif [[ "$1" == start ]]; then
		jcmd "$server_pid" JFR.start name="$2" filename="$out/profile-$2.jfr" >/dev/null
	else
		jcmd "$server_pid" JFR.stop name="$2" >/dev/null
	fi
}

# Profiles want exact stacks from the start: attaching later would make the JIT recompile.
server_opts=()
if [[ "${PROFILE:-0}" == 1 ]]; then
	server_opts=(-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints)
fi

# start_server <log> [java options…]: a fresh service on core 0 (empty data and keys folders).
start_server() {
	local log="$1"
	shift
	rm -rf "$work/data" "$work/keys"
	taskset -c 0 "$java" "${java_opts[@]}" "$@" -Xms256m -Xmx512m -jar "$jar" \
		--server.address=127.0.0.1 --server.port="$port" \
		--claimsmith.data-dir="$work/data" --claimsmith.keys.dir="$work/keys" \
		--claimsmith.templates.dir="$root/templates" --claimsmith.api-key="$api_key" \
		--claimsmith.keys.algorithm="$algorithm" --claimsmith.issuer="http://127.0.0.1:$port" \
		>"$log" 2>&1 &
	server_pid=$!
	for _ in $(seq 1 480); do
		curl -fsS -o /dev/null "http://127.0.0.1:$port/.well-known/jwks.json" 2>/dev/null && return 0
		sleep 0.25
	done
	echo "The server did not start: see $log" >&2
	exit 1
}

stop_server() {
	kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
	server_pid=""
}

# AOT=1 (Java 24+): the jar extracted (an AOT cache needs plain jars on the class path), one
# training run of the same workload writing the cache when it stops (JEP 514), then the
# measured run with it (JEP 483 classes loaded and linked, JEP 515 method profiles).
if [[ "${AOT:-0}" == 1 ]]; then
	"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
	jar="$(ls "$work"/app/*.jar | head -1)"
	start_server "$out/server-training.log" -XX:AOTCacheOutput="$work/app.aot"
	seed
	phase training-mint "${TRAIN:-60}" /access_tokens "$work/bodies.txt" >/dev/null
	phase training-keys 10 /keys >/dev/null
	phase training-jwks 10 /.well-known/jwks.json >/dev/null
	stop_server
	[[ -f "$work/app.aot" ]] || { echo "The training run wrote no AOT cache: see $out/server-training.log" >&2; exit 1; }
	server_opts+=(-XX:AOTCache="$work/app.aot")
fi

started=$(date +%s.%N)
start_server "$out/server.log" "${server_opts[@]}"
ready=$(date +%s.%N)
seed

echo "jar: $jar; java: $("$java" -version 2>&1 | head -1); opts: ${JAVA_OPTS:-none}; AOT cache: ${AOT:-0}; $algorithm" | tee -a "$out/raw.txt"
read -r cold1 _ _ <<<"$(phase cold-0-10s 10 /access_tokens "$work/bodies.txt")"
read -r cold2 _ _ <<<"$(phase cold-10-20s 10 /access_tokens "$work/bodies.txt")"
read -r cold3 cold3_cpu _ <<<"$(phase cold-20-30s 10 /access_tokens "$work/bodies.txt")"
phase warm "$warm" /access_tokens "$work/bodies.txt" >/dev/null
profiling start mint
read -r mint mint_cpu mint_p99 <<<"$(phase mint "$measured" /access_tokens "$work/bodies.txt")"
profiling stop mint
half=$(taskset -c 1 java -Xmx512m -cp "$classpath" dev.claimsmith.bench.LoadGenerator --name mint-half-load \
	--method POST --url "http://127.0.0.1:$port/access_tokens" --header "Authorization: Bearer $api_key" \
	--connections "$connections" --rate "$((mint / 2))" --warmup 5 --duration 20 --max-requests "$((mint * 15 + 1000))" \
	--server-pid "$server_pid" --bodies "$work/bodies.txt" | grep '^RESULT')
echo "$half" >>"$out/raw.txt"
[[ "$(field "$half" errors)" == 0 ]] || { echo "errors at half load: $half" >&2; exit 1; }
phase keys-warm 10 /keys >/dev/null
profiling start keys
read -r keys keys_cpu keys_p99 <<<"$(phase keys 15 /keys)"
profiling stop keys
phase jwks-warm 10 /.well-known/jwks.json >/dev/null
read -r jwks jwks_cpu jwks_p99 <<<"$(phase jwks 15 /.well-known/jwks.json)"
rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")
stop_server

# The floor (FLOOR=0 skips): bench's FloorApplication, a plain Spring MVC application with
# endpoints shaped like GET /keys and a mint without the signature, on the same core and load.
floor_get="" floor_get_cpu="" floor_post="" floor_post_cpu=""
if [[ "${FLOOR:-1}" == 1 ]]; then
	taskset -c 0 "$java" "${java_opts[@]}" -Xms256m -Xmx512m -cp "$classpath" dev.claimsmith.bench.FloorApplication \
		--server.address=127.0.0.1 --server.port="$port" >"$out/floor.log" 2>&1 &
	server_pid=$!
	for _ in $(seq 1 240); do
		curl -fsS -o /dev/null "http://127.0.0.1:$port/floor" 2>/dev/null && break
		sleep 0.25
	done
	curl -fsS -o /dev/null "http://127.0.0.1:$port/floor" || { echo "The floor did not start: see $out/floor.log" >&2; exit 1; }
	phase floor-post-warm 60 /floor "$work/bodies.txt" >/dev/null
	read -r floor_post floor_post_cpu _ <<<"$(phase floor-post "$measured" /floor "$work/bodies.txt")"
	phase floor-get-warm 20 /floor >/dev/null
	read -r floor_get floor_get_cpu _ <<<"$(phase floor-get 15 /floor)"
	stop_server
fi

# shellcheck source=openssl-speed.sh
source "$bench/openssl-speed.sh"
openssl_speed "$algorithm"
echo "openssl $openssl_alg signs/s on core 0: $signs" >>"$out/raw.txt"

{
	echo "| $algorithm, one core | tokens/s | ÷ OpenSSL | server CPU µs per request | p99 ms |"
	echo "|---|---|---|---|---|"
	awk -v s="$signs" -v a="$cold1" -v b="$cold2" -v c="$cold3" -v cc="$cold3_cpu" \
		-v m="$mint" -v mc="$mint_cpu" -v mp="$mint_p99" -v k="$keys" -v kc="$keys_cpu" -v kp="$keys_p99" \
		-v j="$jwks" -v jc="$jwks_cpu" -v jp="$jwks_p99" -v w="$warm" -v hr="$(field "$half" rps)" \
		-v hp="$(field "$half" p99_ms)" -v h50="$(field "$half" p50_ms)" -v fp="$floor_post" -v fpc="$floor_post_cpu" \
		-v fg="$floor_get" -v fgc="$floor_get_cpu" 'BEGIN {
		printf "| mint, first 10 s / 10–20 s / 20–30 s | %s / %s / %s | %.2f / %.2f / %.2f | %s (20–30 s) | |\n", a, b, c, a / s, b / s, c / s, cc
		printf "| mint after %d s more | %s | **%.2f** | %s | %s |\n", w, m, m / s, mc, mp
		printf "| mint at half that rate (open loop) | %s | | | %s (p50 %s) |\n", hr, hp, h50
		printf "| GET /keys | %s | | %s | %s |\n", k, kc, kp
		printf "| JWKS | %s | | %s | %s |\n", j, jc, jp
		if (fp != "") {
			printf "| floor: plain Spring MVC, POST like a mint without the signature | %s | | %s | |\n", fp, fpc
			printf "| floor: plain Spring MVC, GET like /keys | %s | | %s | |\n", fg, fgc
		}
		printf "| OpenSSL %s signs/s on the same core | %s | 1 | %.0f | |\n", "'"$openssl_alg"'", s, 1e6 / s
	}'
	printf '\nServer ready %.1f s after launch; peak RSS %s MiB.\n' "$(awk -v a="$started" -v b="$ready" 'BEGIN { print b - a }')" "$rss"
} | tee "$out/summary.md"
