#!/usr/bin/env bash
# Reduces a finished run to a committed fixture for the analysis tests (RecordedRunsTests):
# a blinded copy (java -jar perf/target/queuescope-perf.jar blind), its shop.jfr cut down to the
# events the ledger's rules read (no stack samples unless EXTRA_EVENTS asks: the fixtures test the
# queues, not hot frames) and gzipped; no profile.jfr.
#   [EXTRA_EVENTS=jdk.ExecutionSample] perf/src/test/resources/runs/reduce.sh perf/results/<run-id> <fixture-name>
set -euo pipefail
run=$(readlink -f "$1"); name=$2
here=$(cd "$(dirname "$0")" && pwd)
java -jar "$here/../../../../target/queuescope-perf.jar" blind "$run" >/dev/null
out="$here/$name"; rm -rf "$out"; mkdir -p "$out"
cp "$run-blind"/{latency.hlog,metrics.jsonl,summary.json,modules.json} "$out/"
jfr scrub --include-events 'queuescope.*,jdk.JavaMonitorEnter,jdk.ThreadPark,jdk.FileWrite,jdk.FileForce,jdk.GCPhasePause,jdk.CPULoad'"${EXTRA_EVENTS:+,$EXTRA_EVENTS}" \
    "$run-blind/shop.jfr" "$out/shop.jfr" >/dev/null
gzip -9 "$out/shop.jfr"
rm -rf "$run-blind"
du -sh "$out"
