#!/bin/sh
# Benchmark (not a unit test; `mvn verify` does not run it): lists THREADS threads (default
# 10000) as ndjson from the Google stand-in through gmailcli's real entry point, in one JVM
# limited to HEAP (default 64m), and prints wall time, lines, threads.list calls and peak heap.
#
#   bench/ndjson-memory.sh [THREADS] [FORMAT]        e.g. bench/ndjson-memory.sh 10000 ndjson
#   HEAP=32m bench/ndjson-memory.sh
#
# It builds in the project it lives in (target/); when others build there at the same time, copy
# src, pom.xml and bench/ to a private directory and run the copy's script instead.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
threads=${1:-10000}
format=${2:-ndjson}
heap=${HEAP:-64m}

mvn -q -B -DskipTests test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >/dev/null

echo "java -Xmx$heap … dev.gmailcli.bench.NdjsonMemoryBenchmark $threads $format"
exec java -Xmx"$heap" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.gmailcli.bench.NdjsonMemoryBenchmark "$threads" "$format"
