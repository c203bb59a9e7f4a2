#!/usr/bin/env bash
# stop.sh DIR: stops what start.sh DIR started, and only that.
#
# Only PIDs recorded in DIR/run/*.pid are signalled, and only while that PID is still the
# process start.sh started (its command line names DIR, or it is memcached on the port
# recorded for it): a PID reused by someone else's process is left alone. Each Swift
# server is the leader of its own session and takes its worker down on SIGTERM; one still
# there after 10 s is killed with its group. Data stays in DIR (the caller removes DIR).
set -uo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 1; }
[ -d "$1/run" ] || exit 0
DIR=$(cd "$1" && pwd -P)
RUN=$DIR/run

ours() { # pid name
  local cmd
  cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || return 1
  case $2 in
    memcached) [[ $cmd == memcached* && $cmd == *"-p $(cat "$RUN/memcached.port" 2>/dev/null)"* ]] ;;
    *) [[ $cmd == *"$DIR/"* || $cmd == *" $DIR "* || $cmd == *" $DIR" ]] ;;
  esac
}

pids=() names=()
# The S3 front first, so no request reaches a backend that is going away.
for name in proxy object container account memcached watchdog; do
  f=$RUN/$name.pid
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  rm -f "$f"
  # The watchdog ends by exec'ing this script: never signal ourselves.
  [[ $pid =~ ^[0-9]+$ ]] && [ "$pid" != $$ ] && ours "$pid" "$name" || continue
  kill -TERM "$pid" 2>/dev/null && pids+=("$pid") names+=("$name")
done

for _ in $(seq 100); do
  left=0
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && left=1; done
  [ $left -eq 0 ] && break
  sleep 0.1
done
for i in "${!pids[@]}"; do
  pid=${pids[$i]}
  kill -0 "$pid" 2>/dev/null || continue
  if [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ]; then kill -KILL -- "-$pid" 2>/dev/null; else kill -KILL "$pid" 2>/dev/null; fi
  echo "s3-test-server: ${names[$i]} (pid $pid) needed SIGKILL" >&2
done
echo "s3-test-server: stopped ${names[*]:-nothing}"
