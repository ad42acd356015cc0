# Sourced by the bench scripts: compiles the test classes (unless BENCH_NO_COMPILE is set) and sets CP to a
# snapshot of test classes + classes + test dependencies, so that a later compile cannot pull classes from under
# a running benchmark.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${BENCH_NO_COMPILE:-}" ]; then
  mvn -q -B test-compile
  mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
snapshot=target/bench-snapshot/$(date +%Y%m%d-%H%M%S)-$$
mkdir -p "$snapshot"
cp -r target/test-classes "$snapshot/test-classes"
cp -r target/classes "$snapshot/classes"
CP="$snapshot/test-classes:$snapshot/classes:$(cat target/bench.classpath)"
