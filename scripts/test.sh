#!/usr/bin/env bash
# The project's one test command: makes sure what the tests need is there
# (PostgreSQL, NATS with JetStream, Chromium), then runs every Go test.
# Safe to run again and again; it installs or starts only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

export CGO_ENABLED=0
export GOFLAGS="${GOFLAGS:-} -mod=mod"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# PostgreSQL on 127.0.0.1:5432 (trust auth, database "test").
if ! port_open 5432; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "test.sh: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    for _ in $(seq 1 30); do port_open 5432 && break; sleep 1; done
  fi
fi
if port_open 5432; then
  export DRAGOMAN_TEST_POSTGRES="${DRAGOMAN_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}"
else
  echo "test.sh: PostgreSQL is not reachable on 127.0.0.1:5432; its tests will skip"
fi

# NATS with JetStream on 127.0.0.1:4222.
if ! port_open 4222; then
  if [ -x /usr/sbin/nats-server ]; then
    echo "test.sh: starting NATS"
    mkdir -p /var/lib/nats-server
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
      -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log || true
    for _ in $(seq 1 30); do port_open 4222 && break; sleep 1; done
  fi
fi
if port_open 4222; then
  export DRAGOMAN_TEST_NATS="${DRAGOMAN_TEST_NATS:-nats://127.0.0.1:4222}"
else
  echo "test.sh: NATS is not reachable on 127.0.0.1:4222; its tests will skip"
fi

# Chromium for the web UI's end-to-end tests.
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Chromium from Debian's packages"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "test.sh: could not install Chromium; browser tests will skip"
  fi
fi
if command -v chromium >/dev/null 2>&1; then
  export DRAGOMAN_TEST_CHROMIUM="${DRAGOMAN_TEST_CHROMIUM:-$(command -v chromium)}"
fi

go vet ./...
go test -count=1 -timeout 60m ./... "$@"
