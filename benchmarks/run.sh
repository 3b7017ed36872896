#!/usr/bin/env bash
# Builds the JMH jar and runs the benchmarks side by side in one JVM run each; extra arguments
# go to JMH (for example a benchmark name pattern). Figures are only comparable within one run.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
java -jar benchmarks/target/benchmarks.jar -rf json -rff benchmarks/target/results.json "$@"
