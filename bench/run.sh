#!/usr/bin/env bash
# Builds the bench module (and what it needs) and runs one benchmark: bench/run.sh <BenchClass> [arguments].
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "usage: bench/run.sh <FinalWindowBench|FinalizerDrainBench|RemoteWindowBench|WarehouseScanBench|MakespanBench|ScaleOutBench> [arguments]" >&2
  exit 2
fi
bench_class=$1
shift
modules=bench
case $bench_class in
  # these run the local stack (`ktx stack up`), which needs the four packaged services
  MakespanBench|ScaleOutBench) modules=bench,planner-service,database-ingest-service,source-ingest-service,finalizer-service ;;
esac
./mvnw -B -q -Pbench -pl "$modules" -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
# Testcontainers logs at length that it found no Docker before test-infra falls back to local binaries.
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
exec java -Dorg.slf4j.simpleLogger.log.org.testcontainers=off ${BENCH_JAVA_OPTS:-} -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" \
    "dev.ktx.ingest.bench.$bench_class" "$@"
