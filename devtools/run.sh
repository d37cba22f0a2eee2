#!/usr/bin/env bash
# `make run`: the whole product on this machine, as a new user first sees it.
#   1. a local Kafka on 127.0.0.1:9092 (unless KAFKA_BOOTSTRAP points at another broker that answers),
#   2. the Faust worker with its web view on http://127.0.0.1:6066,
#   3. the bundled sample articles published to news.raw,
#   4. the enriched records printed as they arrive; Ctrl-C stops what this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
export KAFKA_BOOTSTRAP="${KAFKA_BOOTSTRAP:-127.0.0.1:9092}"
web_port="${NEWSSTREAM_WEB_PORT:-6066}"
log_dir=.kafka
mkdir -p "$log_dir"
started_kafka=0
worker_pid=
tail_pid=

host="${KAFKA_BOOTSTRAP%%,*}"; host="${host#kafka://}"
if (exec 3<>"/dev/tcp/${host%:*}/${host##*:}") 2>/dev/null; then
  echo "run: using the broker that answers at $KAFKA_BOOTSTRAP"
else
  KAFKA_PORT="${host##*:}" devtools/kafka/kafka.sh start
  started_kafka=1
fi

cleanup() {
  # ignore further signals rather than restore their default: `timeout` signals the whole process group and
  # make passes its own signal on, so a second TERM can arrive while this runs and would kill the script
  # before the broker is stopped
  trap '' INT TERM
  trap - EXIT
  echo
  # a signal sent to this script alone (a supervisor, `timeout`) reaches neither child: stop them here
  if [[ -n "$tail_pid" ]]; then kill -TERM "$tail_pid" 2>/dev/null || true; fi
  if [[ -n "$worker_pid" ]] && kill -0 "$worker_pid" 2>/dev/null; then
    echo "run: stopping the worker"
    kill -TERM "$worker_pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$worker_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$worker_pid" 2>/dev/null || true
  fi
  if [[ $started_kafka == 1 ]]; then devtools/kafka/kafka.sh stop; fi
}
trap cleanup INT TERM EXIT

echo "run: starting the worker (log: $log_dir/worker.log), web view on http://127.0.0.1:$web_port/news/"
"$bin/newsstream" worker -l info --web-port "$web_port" >"$log_dir/worker.log" 2>&1 &
worker_pid=$!

echo "run: publishing the sample articles"
"$bin/newsstream" publish samples/ --quiet

echo "run: enriched records (Ctrl-C to stop everything):"
"$bin/newsstream" tail --from-beginning &
tail_pid=$!
wait "$tail_pid"
