#!/usr/bin/env bash
# KERNEL BENCHMARK (issue 17; not a test): our kernel vs rapaio-jupyter-kernel 3.0.1, interleaved
# starts through jupyter_client: hang rate, start -> first result (median, p95), trivial-cell round trip,
# machine load at start and end. Run it on a quiet machine; figures taken beside other work are void.
#
#   kernel-spec/benchmark-kernels.sh [--starts N] [--startup-timeout S] [--with-load] [--record]
#
# --record writes the rows into results/benchmarks.csv (otherwise they are only printed);
# --with-load runs a training process beside the starts. 200 starts of each kernel take about
# 30-40 minutes on 2 cores (a hung rapaio start costs the startup timeout, 20 s by default).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

check_prerequisites
ensure_jupyter
build_library
cd "$ROOT"
mvn -B -q -Dstyle.color=never ${MAVEN_OFFLINE:-} test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
# shellcheck disable=SC2086
exec "$JAVA" $PLASTICITY_JVM_OPTS -cp "target/test-classes:$(library_classpath):$(cat target/test.classpath)" \
  org.plasticity.kernel.KernelBenchmark "$@"
