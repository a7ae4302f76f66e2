#!/usr/bin/env bash
# Plain JShell with the library, its dependencies and the default imports (kernel-spec/plasticity.jsh):
#
#   kernel-spec/jshell.sh [jshell arguments, e.g. a script.jsh]
#
# Builds the jar first if it is missing. There is no display() here: show(x) prints text, and charts
# save with ChartExport.toPng(chart, Path.of("chart.png")).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

check_prerequisites
ls "$ROOT"/target/plasticity-*.jar >/dev/null 2>&1 || build_library
nop="$ROOT/kernel-spec/build/slf4j-nop-$SLF4J_VERSION.jar"
[ -f "$nop" ] || fetch_artifact "org.slf4j:slf4j-nop:$SLF4J_VERSION" "$ROOT/kernel-spec/build"
remote=()
for opt in $PLASTICITY_JVM_OPTS; do remote+=("-R$opt"); done
exec "$(dirname "$JAVA")/jshell" --class-path "$(library_classpath):$nop" "${remote[@]}" \
  --startup DEFAULT --startup "$ROOT/kernel-spec/plasticity.jsh" "$@"
