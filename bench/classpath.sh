# Sourced by the bench scripts: compiles the test classes once and sets CP to test classes + classes + test deps.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${BENCH_NO_COMPILE:-}" ]; then
  mvn -q -B test-compile
  mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
