#!/usr/bin/env bash
# Interleaved speed rounds (A B A B) of two engine jars and the PyTorch reference, as docs/performance.md
# reports them. Usage, from the repository root:
#   ./mvnw -B -q -pl ff-engine dependency:build-classpath -Dmdep.outputFile=/tmp/ff-cp.txt
#   ff-engine/src/test/speed/speed-ab.sh BEFORE.jar NOW.jar /tmp/ff-cp.txt [DATA_DIR] [ROUNDS]
# BEFORE.jar / NOW.jar: ff-engine/target/ff-engine-*.jar built at the two commits. The engine runs with the
# JVM options the plugin's forks add (fixed TLABs for the heap record). PyTorch rows need /usr/bin/python3
# with torch (Debian: python3-torch libopenblas0-pthread); torch.set_num_threads(1) there still leaves
# OpenBLAS its own threads (one per core unless OPENBLAS_NUM_THREADS says otherwise), so its products use
# both cores as the engine's do at threads=2. Prints one line per run with the 1-minute load average at
# its start: compare figures only within one such run.
set -u
before=$1; now=$2; cp=$(cat "$3"); data=${4:-ff-engine/src/main/resources/dev/ffbench/dataset/mnist-sample}
rounds=${5:-2}
here=$(dirname "$0")
engine() { # label jar args...
  local label=$1 jar=$2; shift 2
  echo "== $label load=$(cut -d' ' -f1 /proc/loadavg) $(date +%T)"
  java -Xmx4g -XX:TLABSize=16k -XX:-ResizeTLAB -cp "$jar:$cp" dev.ffbench.cli.FfEngineCli benchmark "$@" 2>&1 \
    | grep -E "^(ff-|backprop)"
}
torch() { echo "== torch $1, $2 thread(s) load=$(cut -d' ' -f1 /proc/loadavg) $(date +%T)"; /usr/bin/python3 "$here/torch_reference.py" "$1" 10 "$2" "$data"; }
at256=(--algorithms ff-base,backprop --set epochs=10 --set threads=2 --set batchSize=256)
# the torch script's FF does the work of FF Base with the goodness readout (no readout to train)
like2022=(--algorithms ff-base --set epochs=10 --set threads=2 --set batchSize=256 --set readout=goodness)
defaults=(--algorithms ff-base --set epochs=10 --set threads=2 --set targetAccuracy=0.9 --set evaluateEvery=1)
for round in $(seq "$rounds"); do
  engine "now, 256" "$now" "${at256[@]}"
  engine "before, 256" "$before" "${at256[@]}"
  torch ff 1; torch backprop 1
  engine "now, 256, goodness readout" "$now" "${like2022[@]}"
  engine "before, 256, goodness readout" "$before" "${like2022[@]}"
  engine "now, defaults" "$now" "${defaults[@]}"
  engine "before, defaults" "$before" "${defaults[@]}"
done
engine "now, ff-recurrent" "$now" --algorithms ff-recurrent --set epochs=1 --set threads=2
engine "before, ff-recurrent" "$before" --algorithms ff-recurrent --set epochs=1 --set threads=2
