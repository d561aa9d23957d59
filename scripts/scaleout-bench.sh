#!/usr/bin/env bash
# Measures ingest throughput on one machine: a local ingest into SQLite and
# into PostgreSQL, then through NATS with one worker (--jobs 2) and with two
# workers (--jobs 1 each), on the same corpus. Prints wall-clock rates and
# the CPU seconds of the dragoman processes and of the PostgreSQL server.
# docs/scaling.md gives the figures it measured.
#
#   go build -o /tmp/dragoman ./cmd/dragoman
#   /tmp/dragoman gen-corpus -n 2000 --seed 1 -o /tmp/gen2000.jsonl ../shared/data/wikinews-articles/wikinews_2019.csv
#   BIN=/tmp/dragoman scripts/scaleout-bench.sh /tmp/gen2000.jsonl
#
# Needs NATS with JetStream on 127.0.0.1:4222 and PostgreSQL on
# 127.0.0.1:5432 (as scripts/test.sh sets up); reading the server's CPU
# needs the same user or root. Leaves its schemas (bench_*) and streams
# (BENCH*) for inspection: drop them afterwards.
set -u
BIN=${BIN:-dragoman}
CORPUS=${1:?usage: scaleout-bench.sh CORPUS.jsonl}
NATS=${NATS:-nats://127.0.0.1:4222}
PGBASE=${PGBASE:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}
tag=$(date +%s)
out=/tmp/bench-$tag
mkdir -p "$out"
T="/usr/bin/time -a -o $out/cpu -f %U+%S"
cpu() { python3 -c "print('%.1f' % sum(eval(l) for l in open('$out/cpu') if l.strip()))"; }

# pgcpu prints the CPU seconds the PostgreSQL server has used: the
# postmaster, the backends it has reaped, and the live ones.
pgcpu() {
  local pm tck total f g c
  pm=$(pgrep -o -x postgres) || { echo 0; return; }
  tck=$(getconf CLK_TCK)
  read -r -a f < <(sed 's/^.*) //' /proc/$pm/stat)
  total=$(( f[11] + f[12] + f[13] + f[14] ))
  for c in $(pgrep -P "$pm"); do
    read -r -a g < <(sed 's/^.*) //' /proc/$c/stat 2>/dev/null) || continue
    total=$(( total + g[11] + g[12] ))
  done
  python3 -c "print($total / $tck)"
}

echo "corpus $CORPUS ($(wc -l < "$CORPUS") lines), load $(cut -d' ' -f1 /proc/loadavg)"
local_run() { # name db
  : > $out/cpu; local pg0=$(pgcpu)
  $T $BIN ingest --db "$2" --progress none --json "$CORPUS" > $out/$1.json
  local pg1=$(pgcpu)
  python3 - $out/$1.json $(cpu) $pg0 $pg1 "$1" <<'PY'
import json,sys
j=json.load(open(sys.argv[1])); c=float(sys.argv[2]); pg=float(sys.argv[4])-float(sys.argv[3])
print("== %s: %d added in %.1fs wall -> %.1f/s; CPU dragoman %.1fs + postgres %.1fs -> %.0f articles per CPU-second" % (sys.argv[5], j["added"], j["seconds"], j["added"]/j["seconds"], c, pg, j["added"]/(c+pg)))
PY
}
local_run local_sqlite $out/local.db
local_run local_postgres "$PGBASE&search_path=bench_local_$tag"
run_workers() { # name, workers, jobs
  local name=$1 n=$2 jobs=$3 S=BENCH$tag$1
  local Q="--queue $NATS --stream $S --subject bench.$S.a --dead-subject bench.$S.d --durable w"
  $BIN ingest $Q --progress none --json "$CORPUS" > $out/$name-pub.json
  : > $out/cpu; local pg0=$(pgcpu)
  local pids=()
  for i in $(seq 1 $n); do
    $T $BIN worker $Q --db "$PGBASE&search_path=bench_${name}_$tag" --jobs $jobs --stop-when-idle 3s --progress-every 0 --json > $out/$name-$i.json 2>/dev/null &
    pids+=($!)
  done
  wait "${pids[@]}"
  local pg1=$(pgcpu)
  python3 - $out $name $n $(cpu) $pg0 $pg1 $jobs <<'PY'
import json,sys
out,name,n=sys.argv[1],sys.argv[2],int(sys.argv[3]); c=float(sys.argv[4]); pg=float(sys.argv[6])-float(sys.argv[5])
pub=json.load(open("%s/%s-pub.json"%(out,name)))
objs=[json.load(open("%s/%s-%d.json"%(out,name,i))) for i in range(1,n+1)]
stored=sum(o["stored"] for o in objs); busy=max(o["busy_seconds"] for o in objs)
print("== NATS %d worker(s) x jobs %s: published %d in %.2fs (%.0f/s); stored %d, busy %.1fs -> %.1f/s; CPU dragoman %.1fs (incl. startup) + postgres %.1fs -> %.0f articles per CPU-second; per worker %s" % (
  n, sys.argv[7], pub["published"], pub["seconds"], pub["articles_per_second"], stored, busy, stored/busy, c, pg, stored/(c+pg), [(o["stored"], round(o["busy_seconds"],1)) for o in objs]))
PY
}
run_workers w1 1 2
run_workers w2 2 1
echo "load $(cut -d' ' -f1 /proc/loadavg); out: $out; schemas bench_*_$tag; streams BENCH$tag*"
