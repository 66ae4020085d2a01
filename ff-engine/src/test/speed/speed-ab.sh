#!/usr/bin/env bash
# Interleaved speed rounds (A B A B) of two engine jars and the PyTorch reference, as docs/performance.md
# reports them. Usage, from the repository root:
#   ./mvnw -B -q -pl ff-engine dependency:build-classpath -Dmdep.outputFile=$PWD/ff-cp.txt
#   ff-engine/src/test/speed/speed-ab.sh BEFORE.jar NOW.jar ff-cp.txt [DATA_DIR] [ROUNDS]
# BEFORE.jar / NOW.jar: ff-engine/target/ff-engine-0.1.0-SNAPSHOT.jar built at each of the two commits (copy
# it aside between the builds). DATA_DIR: the IDX files PyTorch reads (default: the bundled mnist-sample,
# which the engine reads by default); ROUNDS: 3 by default. The engine runs as a plain JVM with the JVM
# options the plugin's forks add (fixed TLABs for the heap record), not their environment variables
# (OMP_NUM_THREADS, OMP_WAIT_POLICY). PyTorch rows need /usr/bin/python3 with torch (Debian: python3-torch
# libopenblas0-pthread); torch.set_num_threads(1) there still leaves OpenBLAS its own threads (one per
# core unless OPENBLAS_NUM_THREADS says otherwise), so its products use both cores as the engine's do at
# threads=2. Ends with PyTorch's FF trained to 90 % test accuracy (30 epochs a layer), for the time-to-90 %
# ratio. Prints one line per run with the 1-minute load average at its start: compare figures only within
# one such run; a run that prints no result row prints its last lines instead, and the script exits 1.
set -u -o pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 BEFORE.jar NOW.jar CLASSPATH_FILE [DATA_DIR] [ROUNDS] (see the comment at its top)" >&2
  exit 2
fi
before=$1; now=$2; cpfile=$3; data=${4:-ff-engine/src/main/resources/dev/ffbench/dataset/mnist-sample}
rounds=${5:-3}
for file in "$before" "$now" "$cpfile"; do
  [ -f "$file" ] || { echo "speed-ab.sh: '$file' is not a file (BEFORE.jar NOW.jar CLASSPATH_FILE)" >&2; exit 2; }
done
[ -d "$data" ] || { echo "speed-ab.sh: DATA_DIR '$data' is not a directory" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "speed-ab.sh: ROUNDS is '$rounds'; allowed: a whole number >= 1" >&2; exit 2; }
failed=0
cp=$(cat "$cpfile")
here=$(dirname "$0")
engine() { # label jar args...
  local label=$1 jar=$2 output; shift 2
  echo "== $label load=$(cut -d' ' -f1 /proc/loadavg) $(date +%T)"
  output=$(java -Xmx4g -XX:TLABSize=16k -XX:-ResizeTLAB -cp "$jar:$cp" dev.ffbench.cli.FfEngineCli benchmark "$@" 2>&1)
  grep -E "^(ff-|backprop)" <<< "$output" || { echo "FAILED:"; tail -5 <<< "$output"; failed=$((failed + 1)); }
}
torch() { # algorithm epochs [target]
  echo "== torch $1, $2 epochs load=$(cut -d' ' -f1 /proc/loadavg) $(date +%T)"
  /usr/bin/python3 "$here/torch_reference.py" "$1" "$2" 1 "$data" ${3:+"$3"} || failed=$((failed + 1))
}
at256=(--algorithms ff-base,backprop --set epochs=10 --set threads=2 --set batchSize=256)
# the torch script's FF does the work of FF Base with the goodness readout (no readout to train)
like2022=(--algorithms ff-base --set epochs=10 --set threads=2 --set batchSize=256 --set readout=goodness)
defaults=(--algorithms ff-base --set epochs=10 --set threads=2 --set targetAccuracy=0.9 --set evaluateEvery=1)
for round in $(seq "$rounds"); do
  engine "now, 256" "$now" "${at256[@]}"
  engine "before, 256" "$before" "${at256[@]}"
  torch ff 10; torch backprop 10
  engine "now, 256, goodness readout" "$now" "${like2022[@]}"
  engine "before, 256, goodness readout" "$before" "${like2022[@]}"
  engine "now, defaults" "$now" "${defaults[@]}"
  engine "before, defaults" "$before" "${defaults[@]}"
done
engine "now, ff-recurrent" "$now" --algorithms ff-recurrent --set epochs=1 --set threads=2
engine "before, ff-recurrent" "$before" --algorithms ff-recurrent --set epochs=1 --set threads=2
torch ff 30 0.9; torch ff 30 0.9
if [ "$failed" -gt 0 ]; then
  echo "speed-ab.sh: $failed run(s) failed (their last lines above)" >&2
  exit 1
fi
