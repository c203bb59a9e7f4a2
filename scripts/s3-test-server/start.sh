#!/usr/bin/env bash
# start.sh DIR: a real S3-compatible server for the tests and the bench, on loopback.
#
# OpenStack Swift 2.30 (Debian 12's python3-swift) with its s3api middleware and tempauth,
# single node, one replica, plus memcached. Not a mock: replicas must work against real
# object storage, and Swift's S3 layer is the one such server Debian packages.
#
# DIR gets the configs, rings, data, logs and PIDs, and, once the endpoint answers, DIR/env:
#   TAMGA_TEST_S3_ENDPOINT=http://127.0.0.1:PORT
#   TAMGA_TEST_S3_ACCESS_KEY=test:tester  TAMGA_TEST_S3_SECRET_KEY=testing  TAMGA_TEST_S3_REGION=us-east-1
# (also printed). The servers detach; stop them with stop.sh DIR (by recorded PID).
#
# Exit status: 0 ready; 3 python3-swift or memcached is not installed (the caller may skip);
# 4 DIR's filesystem has no user xattrs; 1 anything else. Each failure prints one line why.
#
# Knobs: TAMGA_S3_PORT=N uses ports N..N+4 (default: free ports picked at random, so
# several runs on one machine do not collide); TAMGA_S3_TIMEOUT=90 seconds to wait;
# TAMGA_S3_OWNER_PID=PID stops the servers when that process ends (a test run that
# crashes before its teardown leaves nothing running); TAMGA_S3_PYTHON=/usr/bin/python3
# the Python that has python3-swift's module.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd -P)
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 1; }
mkdir -p "$1"
DIR=$(cd "$1" && pwd -P)
ETC=$DIR/etc DATA=$DIR/data LOG=$DIR/log RUN=$DIR/run
HOST=127.0.0.1
ACCESS_KEY=test:tester SECRET_KEY=testing REGION=us-east-1
# Debian's Python, which has the swift module (the first python3 on PATH may be pyenv's).
PY=${TAMGA_S3_PYTHON:-/usr/bin/python3}
T0=$EPOCHREALTIME

die() { echo "s3-test-server: $2" >&2; exit "$1"; }

# ------------------------------------------------------------------ installed? ---
if [ ! -x "$PY" ] || ! "$PY" -c 'import swift.common.middleware.s3api.s3api' 2>/dev/null; then
  die 3 "python3-swift is not installed (sudo apt-get install python3-swift memcached)"
fi
command -v memcached >/dev/null || die 3 "memcached is not installed (sudo apt-get install python3-swift memcached)"

# Whatever an earlier start in DIR left running goes first.
"$HERE/stop.sh" "$DIR" >/dev/null 2>&1 || true
rm -rf "$ETC" "$DATA" "$LOG" "$RUN" "$DIR/env" "$DIR/start-failure.log"
mkdir -p "$ETC" "$DATA/d1" "$LOG" "$RUN"

# Swift keeps each object's metadata in user xattrs (user.swift.metadata): without them
# every PUT fails later with a 500 that says nothing, so check now.
"$PY" - "$DATA/d1" <<'EOF' || die 4 "the filesystem under $DATA has no user xattrs, which Swift needs (use a folder on ext4, xfs or btrfs; tmpfs has them only from Linux 6.6)"
import os, sys
probe = os.path.join(sys.argv[1], '.xattr-probe')
open(probe, 'w').close()
try:
    os.setxattr(probe, 'user.swift.probe', b'1')
finally:
    os.unlink(probe)
EOF

# ------------------------------------------------------------------------ ports ---
# proxy (the S3 endpoint), object, container, account, memcached.
if [ -n "${TAMGA_S3_PORT:-}" ]; then
  P=$TAMGA_S3_PORT
  PORTS=("$P" $((P + 1)) $((P + 2)) $((P + 3)) $((P + 4)))
  for p in "${PORTS[@]}"; do
    if (exec 3<>"/dev/tcp/$HOST/$p") 2>/dev/null; then die 1 "port $HOST:$p is in use (choose another TAMGA_S3_PORT)"; fi
  done
else
  # Bound all at once, then released: five distinct ports nobody holds right now.
  read -r -a PORTS <<<"$("$PY" -c '
import socket
socks = [socket.socket() for _ in range(5)]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))')"
fi
S3_PORT=${PORTS[0]} OBJ_PORT=${PORTS[1]} CONT_PORT=${PORTS[2]} ACC_PORT=${PORTS[3]} MC_PORT=${PORTS[4]}

# ---------------------------------------------------------------------- configs ---
cat >"$ETC/swift.conf" <<'EOF'
[swift-hash]
swift_hash_path_prefix = tamga-test-prefix
swift_hash_path_suffix = tamga-test-suffix

[storage-policy:0]
name = Policy-0
default = yes

[swift-constraints]
EOF

backend_conf() { # name port [extra lines for the app section]
  cat >"$ETC/$1-server.conf" <<EOF
[DEFAULT]
bind_ip = $HOST
bind_port = $2
workers = 1
user = $(id -un)
swift_dir = $ETC
devices = $DATA
mount_check = false
disable_fallocate = true
log_name = $1-server
log_level = WARNING

[pipeline:main]
pipeline = healthcheck $1-server

[app:$1-server]
use = egg:swift#$1
${3:-}

[filter:healthcheck]
use = egg:swift#healthcheck

[$1-replicator]
[$1-auditor]
EOF
}
# The container listing is updated by the object server after each PUT and DELETE, which
# waits for it only container_update_timeout (1 s by default) and otherwise answers anyway,
# leaving the update to finish later, or to an object-updater this server does not run: under
# load the listing then lags behind the objects, as on real Swift, Ceph or B2. Waiting long
# enough makes it synchronous here, so the tests see one consistent store (the code must be,
# and is tested to be, right without it: tests/helpers/replica-lag-cases.ts).
backend_conf object "$OBJ_PORT" "container_update_timeout = 60
conn_timeout = 10
node_timeout = 60"
backend_conf container "$CONT_PORT"
backend_conf account "$ACC_PORT"

cat >"$ETC/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = $HOST
bind_port = $S3_PORT
workers = 1
user = $(id -un)
swift_dir = $ETC
log_name = proxy-server
log_level = INFO

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk s3api tempauth copy slo dlo versioned_writes symlink proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
# Longer than the object server's wait for the container listing above (default 10 s).
node_timeout = 90
account_autocreate = true
allow_account_management = true

[filter:s3api]
use = egg:swift#s3api
location = $REGION
# AWS allows 10 000 parts per multipart upload (Swift's default is 1000); slo matches below.
max_upload_part_num = 10000
# Path-style requests only (no storage_domain): clients need forcePathStyle.

[filter:tempauth]
use = egg:swift#tempauth
# S3 access key "test:tester", secret "testing".
user_test_tester = testing .admin

[filter:cache]
use = egg:swift#memcache
# Always explicit: the default is 127.0.0.1:11211, which may be a system memcached.
memcache_servers = $HOST:$MC_PORT

[filter:slo]
use = egg:swift#slo
max_manifest_segments = 10000

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:copy]
use = egg:swift#copy
[filter:dlo]
use = egg:swift#dlo
[filter:versioned_writes]
use = egg:swift#versioned_writes
[filter:symlink]
use = egg:swift#symlink
EOF

"$PY" "$HERE/swift-launch.py" "$ETC" rings "$HOST" "$OBJ_PORT" "$CONT_PORT" "$ACC_PORT" >"$LOG/rings.log" 2>&1 \
  || die 1 "building the rings failed; see $LOG/rings.log"

# ------------------------------------------------------------------------ start ---
start_detached() { # name command...: no terminal, output to its log, PID recorded
  local name=$1
  shift
  nohup "$@" >>"$LOG/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
}
MEMCACHED_USER=()
[ "$(id -u)" -ne 0 ] || MEMCACHED_USER=(-u root) # memcached refuses to run as root without it
start_detached memcached memcached -l "$HOST" -p "$MC_PORT" -U 0 -m 64 "${MEMCACHED_USER[@]}"
echo "$MC_PORT" >"$RUN/memcached.port"
for s in account container object proxy; do
  start_detached "$s" "$PY" "$HERE/swift-launch.py" "$ETC" "$s" "$ETC/$s-server.conf" -v
done

if [ -n "${TAMGA_S3_OWNER_PID:-}" ]; then
  # Its command line names DIR, so stop.sh knows it as ours.
  nohup bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; exec "$2/stop.sh" "$3"' \
    watchdog "$TAMGA_S3_OWNER_PID" "$HERE" "$DIR" >>"$LOG/watchdog.log" 2>&1 </dev/null &
  echo $! >"$RUN/watchdog.pid"
fi

if ! why=$("$PY" "$HERE/wait-ready.py" "$RUN" "${TAMGA_S3_TIMEOUT:-90}" "$HOST" "$S3_PORT" "$ACCESS_KEY" "$SECRET_KEY" \
  "$ACC_PORT" "$CONT_PORT" "$OBJ_PORT" 2>&1); then
  for f in "$LOG"/*.log; do echo "== $f" && tail -n 15 "$f"; done >"$DIR/start-failure.log" 2>&1
  "$HERE/stop.sh" "$DIR" >/dev/null 2>&1 || true
  die 1 "the server did not come up: $why (logs: $DIR/start-failure.log)"
fi

cat >"$DIR/env" <<EOF
TAMGA_TEST_S3_ENDPOINT=http://$HOST:$S3_PORT
TAMGA_TEST_S3_ACCESS_KEY=$ACCESS_KEY
TAMGA_TEST_S3_SECRET_KEY=$SECRET_KEY
TAMGA_TEST_S3_REGION=$REGION
TAMGA_TEST_S3_START_SECONDS=$(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $T0 }")
EOF
cat "$DIR/env"
