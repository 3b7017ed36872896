#!/usr/bin/env bash
# Runs every workload against every system in one JMH run, then the idle footprints (one JVM per
# system), and writes benchmarks/target/results.md: medians, errors and libactors' ratios.
# Figures only compare within one run. Extra arguments go to JMH (e.g. -p system=libactors).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
out=benchmarks/target
java -jar $out/benchmarks.jar 'io.libactors.benchmarks.Workloads\.' -rf json -rff $out/results.json "$@"
for system in libactors spring pekko-default pekko-tuned bare; do
  java -Xmx2g -cp $out/benchmarks.jar io.libactors.benchmarks.IdleFootprint "$system" "$out/idle-$system.json"
done
java -cp $out/benchmarks.jar io.libactors.benchmarks.Report $out/results.json $out $out/results.md
