#!/usr/bin/env bash
# The local single-node Apache Kafka (KRaft) used by `make kafka`, `make run` and the integration tests.
#
#   kafka.sh jars     fetch the broker's runtime jars from Maven Central into the cache (idempotent)
#   kafka.sh start    start the broker in the background unless one answers already; wait until it is ready
#   kafka.sh stop     stop the broker this script started (SIGTERM, then SIGKILL after a timeout)
#   kafka.sh reset    stop it and wipe its data directory
#   kafka.sh status   say whether it runs
#
# Settings (environment): KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_DATA_DIR (.kafka/data in the
# repository), KAFKA_CACHE (~/.cache/newsstream/kafka), KAFKA_VERSION (from pom.xml), KAFKA_START_TIMEOUT (90 s),
# KAFKA_AUTO_CREATE_TOPICS (false) and KAFKA_MESSAGE_MAX_BYTES (1048588): the defaults are those of a managed
# cluster (no auto-created topics, Kafka's default 1 MB batch limit), so that nothing here relies on a laxer one.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version="${KAFKA_VERSION:-$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")}"
cache="${KAFKA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsstream/kafka}"
libs="$cache/libs-$version"
port="${KAFKA_PORT:-9092}"
cport="${KAFKA_CONTROLLER_PORT:-9093}"
data="${KAFKA_DATA_DIR:-$repo/.kafka/data}"
timeout="${KAFKA_START_TIMEOUT:-90}"
auto_create="${KAFKA_AUTO_CREATE_TOPICS:-false}"
message_max_bytes="${KAFKA_MESSAGE_MAX_BYTES:-1048588}"
pidfile="$data/broker.pid"
log="$data/broker.log"

say() { printf 'kafka: %s\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running_pid() {
  [[ -f "$pidfile" ]] || return 1
  local pid; pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

fetch_jars() {
  if [[ -f "$libs/.complete" ]]; then return 0; fi
  command -v mvn >/dev/null || { say "Maven (mvn) is needed to fetch the Kafka jars"; exit 1; }
  command -v java >/dev/null || { say "Java 17+ is needed to run Kafka"; exit 1; }
  say "fetching org.apache.kafka:kafka_2.13:$version and its runtime closure into $libs"
  mkdir -p "$libs"
  mvn -q -B -f "$here/pom.xml" -Dkafka.version="$version" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$libs"
  touch "$libs/.complete"
}

write_config() {
  mkdir -p "$data/logs"
  cat > "$data/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$data/logs
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=$auto_create
message.max.bytes=$message_max_bytes
log.retention.hours=168
PROPS
}

java_argv() {
  # Fills the array JAVA_ARGV; the classpath's * stays quoted: the JVM expands it, not the shell.
  local -a heap
  read -r -a heap <<< "${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g}"
  JAVA_ARGV=(java "${heap[@]}" -XX:+UseG1GC -Djava.awt.headless=true
    -Dlog4j2.configurationFile="$here/log4j2.properties" -cp "$libs/*")
}

start() {
  if pid="$(running_pid)"; then
    say "already running (pid $pid) on 127.0.0.1:$port"; return 0
  fi
  if port_open "$port"; then
    say "a broker already answers on 127.0.0.1:$port; reusing it"; return 0
  fi
  fetch_jars
  write_config
  java_argv
  if [[ ! -f "$data/logs/meta.properties" ]]; then
    # An id starting with "-" is read as an option by kafka-storage (1 start in 64 failed): Kafka's own
    # Uuid.randomUuid() never gives one, so neither does this.
    local cluster_id; cluster_id="$(python3 -c 'import base64,uuid
while (i := base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")).startswith("-"): pass
print(i)')"
    say "formatting $data (cluster $cluster_id)"
    "${JAVA_ARGV[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$data/server.properties" >>"$log" 2>&1
  fi
  say "starting Kafka $version on 127.0.0.1:$port (log: $log)"
  # Own process group (setsid) so that stopping it never reaches the caller's group.
  setsid "${JAVA_ARGV[@]}" kafka.Kafka "$data/server.properties" >>"$log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
  local waited=0
  until port_open "$port" && grep -q "Kafka Server started" "$log" 2>/dev/null; do
    if ! running_pid >/dev/null; then
      say "the broker exited during start-up; last lines of $log:"; tail -n 30 "$log" >&2; exit 1
    fi
    if (( waited >= timeout * 2 )); then
      say "not ready after ${timeout}s; last lines of $log:"; tail -n 30 "$log" >&2; stop; exit 1
    fi
    sleep 0.5; waited=$((waited + 1))
  done
  say "ready on 127.0.0.1:$port (pid $(cat "$pidfile"))"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then say "not running"; rm -f "$pidfile"; return 0; fi
  say "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then say "still alive after 30s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$pidfile"
}

case "${1:-}" in
  jars) fetch_jars ;;
  start) start ;;
  stop) stop ;;
  reset) stop; say "wiping $data"; rm -rf "$data" ;;
  status) if pid="$(running_pid)"; then say "running (pid $pid)"; else say "not running"; exit 1; fi ;;
  *) echo "usage: $0 {jars|start|stop|reset|status}" >&2; exit 2 ;;
esac
