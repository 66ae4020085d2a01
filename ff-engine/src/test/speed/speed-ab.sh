#!/usr/bin/env bash
# Interleaved speed rounds (A B A B) of two engine jars and the PyTorch reference, as docs/performance.md
# reports them. Usage, from the repository root:
#   ./mvnw -B -q -pl ff-engine dependency:build-classpath -Dmdep.outputFile=/tmp/ff-cp.txt
#   ff-engine/src/test/speed/speed-ab.sh BEFORE.jar NOW.jar /tmp/ff-cp.txt [DATA_DIR]
# BEFORE.jar / NOW.jar: ff-engine/target/ff-engine-*.jar built at the two commits. PyTorch rows need
# /usr/bin/python3 with torch (Debian: python3-torch libopenblas0-pthread). Prints one line per run with
# the 1-minute load average at its start: compare figures only within one such run.
set -u
before=$1; now=$2; cp=$(cat "$3"); data=${4:-ff-engine/src/main/resources/dev/ffbench/dataset/mnist-sample}
here=$(dirname "$0")
engine() { # label jar env args...
  local label=$1 jar=$2 envv=$3; shift 3
  echo "== $label load=$(cut -d' ' -f1 /proc/loadavg) $(date +%T)"
  env $envv java -Xmx4g -cp "$jar:$cp" dev.ffbench.cli.FfEngineCli benchmark "$@" 2>&1 | grep -E "^(ff-|backprop)"
}
torch() { echo "== torch $1, $2 thread(s) load=$(cut -d' ' -f1 /proc/loadavg) $(date +%T)"; /usr/bin/python3 "$here/torch_reference.py" "$1" 10 "$2" "$data"; }
at256=(--algorithms ff-base,backprop --set epochs=10 --set threads=2 --set batchSize=256)
defaults=(--algorithms ff-base --set epochs=10 --set threads=2 --set targetAccuracy=0.9 --set evaluateEvery=1)
for round in 1 2; do
  engine "now, 256" "$now" X=1 "${at256[@]}"
  torch ff 2; torch ff 1; torch backprop 2; torch backprop 1
  engine "before, 256" "$before" X=1 "${at256[@]}"
  engine "now, defaults" "$now" X=1 "${defaults[@]}"
  engine "before, defaults" "$before" X=1 "${defaults[@]}"
  engine "now, defaults, OPENBLAS_THREAD_TIMEOUT=4" "$now" OPENBLAS_THREAD_TIMEOUT=4 "${defaults[@]}"
  engine "now, 256, OPENBLAS_THREAD_TIMEOUT=4" "$now" OPENBLAS_THREAD_TIMEOUT=4 "${at256[@]}"
  engine "now, ff-recurrent" "$now" X=1 --algorithms ff-recurrent --set epochs=1 --set threads=2
done
engine "before, ff-recurrent" "$before" X=1 --algorithms ff-recurrent --set epochs=1 --set threads=2
