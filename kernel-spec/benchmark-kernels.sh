#!/usr/bin/env bash
# KERNEL BENCHMARK (issue 17; not a test): our kernel vs rapaio-jupyter-kernel 3.0.1, interleaved
# starts through jupyter_client: hang rate, start -> first result (median, p95), trivial-cell round trip,
# machine load over the run. Run it on a quiet machine; figures taken beside other work are void (except
# with --with-load, where the load is the point: the hang count under load).
#
#   kernel-spec/benchmark-kernels.sh [--starts N] [--peer-starts M] [--max-minutes T] [--startup-timeout S] [--with-load] [--notebooks] [--record]
#
# --record writes the rows into results/benchmarks.csv (otherwise they are only printed);
# --with-load runs a training process beside the starts. 200 starts of each kernel take about
# 30-40 minutes on 2 cores (a hung rapaio start costs the startup timeout, 20 s by default).
# Every row's notes carry the machine load over the run (median and max of the 1-min load average and
# of the runnable processes, sampled before each start). --notebooks also times the smoke run of all
# notebooks through each kernel (row notebooks-smoke-run; about 5-10 minutes per kernel).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

check_prerequisites
ensure_jupyter
build_library
case " $* " in *" --notebooks "*) fill_data_cache ;; esac
cd "$ROOT"
mvn -B -q -Dstyle.color=never ${MAVEN_OFFLINE:-} test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
# shellcheck disable=SC2086
exec "$JAVA" $PLASTICITY_JVM_OPTS -cp "target/test-classes:$(library_classpath):$(cat target/test.classpath)" \
  org.plasticity.kernel.KernelBenchmark "$@"
