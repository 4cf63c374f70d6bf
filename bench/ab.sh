#!/usr/bin/env bash
# A/B of two commits on the figures a change must not regress: in-process render of
# templates/default.json (JMH RenderBenchmark) and the HTTP RS256 mint (POST /access_tokens at
# saturation with wrk: tokens/s and server CPU µs per mint). The sides run interleaved, ROUNDS
# times (A B A B …), so that the host's drift and other load on it weigh on both alike; the
# server is pinned to core 0 and wrk to core 1 when there are two or more cores.
#
#   bench/ab.sh <before-ref> [after-ref, default HEAD]
#   ROUNDS=3 WARM=60 SECONDS_MEASURED=20 bench/ab.sh 653388e
#
# Needs: java 17+, mvn (network for a commit's plugins), curl, wrk (Debian package), taskset. Results land in
# bench/target/ab/ (summary.md and raw lines).
set -euo pipefail

before_ref="${1:?usage: bench/ab.sh <before-ref> [after-ref]}"
after_ref="${2:-HEAD}"
rounds="${ROUNDS:-3}"
warm="${WARM:-60}"
measured="${SECONDS_MEASURED:-20}"
connections="${CONNECTIONS:-16}"
port="${PORT:-18090}"
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
out="$bench/target/ab"
work="$(mktemp -d)"
api_key="sk_bench_$(openssl rand -hex 16)"
server_pid=""
mkdir -p "$out"
: >"$out/raw.txt"

server_core="" client_core=""
if (($(nproc) >= 2)); then
	server_core="taskset -c 0" client_core="taskset -c 1"
fi

cleanup() {
	if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
		kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
	fi
	for side in before after; do
		git -C "$root" worktree remove --force "$work/$side" 2>/dev/null || true
	done
	rm -rf "$work"
}
trap cleanup EXIT

# build <side> <ref>: the service jar of that commit, and the benchmarks compiled against it.
build() {
	local side="$1" ref="$2" plain version
	git -C "$root" worktree add -q --detach "$work/$side" "$ref"
	(cd "$work/$side" && mvn -q -B -Dmaven.test.skip=true -DskipTests -Dspring-javaformat.skip=true \
		-Dspring-boot.repackage.skip=true -Dmaven.jar.forceCreation=true install)
	version=$(awk '/<artifactId>claimsmith<\/artifactId>/ { getline; gsub(/ *<\/?version>|\t/, ""); print; exit }' \
		"$work/$side/pom.xml")
	plain="$HOME/.m2/repository/dev/claimsmith/claimsmith/$version/claimsmith-$version.jar"
	cp "$plain" "$work/$side-plain.jar"
	(cd "$work/$side" && mvn -q -B -Dmaven.test.skip=true -DskipTests -Dspring-javaformat.skip=true \
		-Dmaven.jar.forceCreation=true package)
	cp "$work/$side"/target/claimsmith-*-SNAPSHOT.jar "$work/$side.jar"
	# That commit's benchmarks (RenderBenchmark is the same on both sides), against its plain jar.
	(cd "$work/$side/bench" && mvn -q -B -Dclaimsmith.version="$version" package)
	cp -r "$work/$side/bench/target/classes" "$work/$side-bench-classes"
	sed "s#$plain#$work/$side-plain.jar#" "$work/$side/bench/target/classpath.txt" >"$work/$side-classpath.txt"
	echo "$side = $(git -C "$root" rev-parse --short "$ref") ($(git -C "$root" log -1 --format=%s "$ref" | cut -c1-70))" |
		tee -a "$out/raw.txt"
}

render() {
	local side="$1" classpath
	classpath="$work/$side-bench-classes:$(cat "$work/$side-classpath.txt")"
	(cd "$root" && $server_core java -cp "$classpath" org.openjdk.jmh.Main -f 1 -wi 3 -w 2s -i 5 -r 2s \
		-rf csv -rff "$work/render-$side.csv" 'RenderBenchmark' >/dev/null)
	awk -F, 'NR == 2 { printf "%.0f", $5 }' "$work/render-$side.csv"
}

# api and seed (one organization, 50 admin members, $work/bodies.txt).
# shellcheck source=seed.sh
source "$bench/seed.sh"

wrk_run() {
	$client_core wrk -t 1 -c "$connections" -d "$1s" --timeout 10s -s "$bench/wrk/bodies.lua" \
		-H "Authorization: Bearer $api_key" "http://127.0.0.1:$port/access_tokens" -- "$work/bodies.txt" "$2" |
		grep '^RESULT'
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

# mint <side>: "tokens/s cpu_us_per_mint" after WARM seconds of the same load.
mint() {
	local side="$1" before after line ticks
	rm -rf "$work/data" "$work/keys"
	$server_core java -Xms256m -Xmx512m -jar "$work/$side.jar" --server.address=127.0.0.1 --server.port="$port" \
		--claimsmith.data-dir="$work/data" --claimsmith.keys.dir="$work/keys" \
		--claimsmith.templates.dir="$root/templates" --claimsmith.api-key="$api_key" \
		--claimsmith.keys.algorithm=RS256 --claimsmith.issuer="http://127.0.0.1:$port" \
		>"$out/server-$side.log" 2>&1 &
	server_pid=$!
	for _ in $(seq 1 240); do
		curl -fsS -o /dev/null "http://127.0.0.1:$port/.well-known/jwks.json" 2>/dev/null && break
		sleep 0.5
	done
	seed
	wrk_run "$warm" "warm-$side" >/dev/null
	ticks=$(getconf CLK_TCK)
	before=$(awk '{ print $14 + $15 }' "/proc/$server_pid/stat")
	line=$(wrk_run "$measured" "mint-$side")
	after=$(awk '{ print $14 + $15 }' "/proc/$server_pid/stat")
	kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
	server_pid=""
	echo "$line" >>"$out/raw.txt"
	if [[ "$(field "$line" errors)" != 0 ]]; then
		echo "errors in $side: $line" >&2
		exit 1
	fi
	awk -v t="$((after - before))" -v hz="$ticks" -v n="$(field "$line" requests)" -v rps="$(field "$line" rps)" \
		'BEGIN { printf "%.0f %.0f", rps, t * 1e6 / hz / n }'
}

# A server left over from an interrupted run would answer in place of the one under test.
if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
	echo "Something already listens on port $port (a server left by an interrupted run?): stop it, or set PORT." >&2
	exit 1
fi

build before "$before_ref"
build after "$after_ref"

echo "| round | side | render/s | mint/s | server CPU µs per mint | load average |" >"$out/summary.md"
echo "|---|---|---|---|---|---|" >>"$out/summary.md"
for round in $(seq 1 "$rounds"); do
	for side in before after; do
		r=$(render "$side")
		read -r rps cpu <<<"$(mint "$side")"
		printf '| %s | %s | %s | %s | %s | %s |\n' "$round" "$side" "$r" "$rps" "$cpu" \
			"$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/summary.md"
	done
done
awk -F'|' 'NR > 2 { n[$3]++; r[$3] += $4; m[$3] += $5; c[$3] += $6 }
	END { for (s in n) printf "mean %s: render/s %.0f, mint/s %.0f, CPU µs per mint %.0f\n", s, r[s] / n[s], m[s] / n[s], c[s] / n[s] }' \
	"$out/summary.md" | sort | tee -a "$out/summary.md"
