#!/usr/bin/env bash
# Entities across three instances in one JVM, libactors (the starter with actors.cluster.enabled)
# beside Pekko 1.7 Cluster Sharding: the JMH workloads (cross-instance ask, tells from one sender),
# then a 200 k burst per system, counted where it arrives, and the longest ask while a fourth
# instance joins and leaves. Writes benchmarks/target/cluster-results.txt.
# Extra arguments go to JMH (e.g. -p system=libactors).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
out=benchmarks/target
java -jar $out/benchmarks.jar ClusterWorkloads -rf json -rff $out/cluster-results.json "$@" | tee $out/cluster-jmh.txt
{
  sed -n '/^Benchmark/,$p' $out/cluster-jmh.txt
  for system in libactors pekko; do
    java -Xmx2g -cp $out/benchmarks.jar io.libactors.benchmarks.cluster.ClusterBurst "$system" 2>/dev/null | grep ' sent '
    java -Xmx2g -cp $out/benchmarks.jar io.libactors.benchmarks.cluster.ClusterMoveStall "$system" 2>/dev/null | grep 'longest'
  done
} > $out/cluster-results.txt
cat $out/cluster-results.txt
