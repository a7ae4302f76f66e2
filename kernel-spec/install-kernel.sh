#!/usr/bin/env bash
# Builds the library and installs the Jupyter kernel "Java (Plasticity)": our own JShell kernel
# (org.plasticity.kernel.KernelMain) with our jar, its dependencies and our default imports.
#
#   kernel-spec/install-kernel.sh [--no-build] [--jupyter-path DIR] [--kernel plasticity|rapaio]
#
# DIR defaults to $PLASTICITY_JUPYTER_PATH, else Jupyter's per-user data folder
# (~/.local/share/jupyter), where `jupyter notebook` finds it without further set-up. For
# another DIR, start Jupyter with JUPYTER_PATH=DIR. The kernel folder holds copies of all jars,
# so `mvn clean` does not break an installed kernel; re-run this script after code changes.
# Shift-Tab shows Javadoc: the JDK's from its src.zip (on Debian the package openjdk-17-source, which this
# script installs when it is missing and it can), ours from target/plasticity-*-sources.jar (copied to src/).
# --kernel rapaio installs instead "Java (Plasticity, rapaio kernel)" (kernel name
# plasticity-rapaio): rapaio-jupyter-kernel with the same jars and imports, beside ours.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

build=1
jupyter_path="$DEFAULT_JUPYTER_PATH"
flavour=plasticity
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --jupyter-path) jupyter_path="$2"; shift ;;
    --kernel) flavour="$2"; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done
case "$flavour" in
  plasticity) name="$KERNEL_NAME"; display_name="$KERNEL_DISPLAY_NAME" ;;
  rapaio) name="$KERNEL_NAME-rapaio"; display_name="Java (Plasticity, rapaio kernel)" ;;
  *) die "--kernel must be plasticity or rapaio, got $flavour" ;;
esac

check_prerequisites
ensure_jdk_sources
[ "$build" = 1 ] && build_library
jar="$(library_jar)"
sources_jar="$(library_sources_jar)"

mkdir -p "$jupyter_path/kernels"
jupyter_path="$(cd "$jupyter_path" && pwd)"
target="$jupyter_path/kernels/$name"
staging="$(mktemp -d "$jupyter_path/kernels/.$name.XXXXXX")"
trap 'rm -rf "$staging"' EXIT

log "installing kernel '$display_name' into $target"
mkdir -p "$staging/lib" "$staging/kernel"
fetch_artifact "org.slf4j:slf4j-nop:$SLF4J_VERSION" "$staging/lib"
cp "$jar" "$staging/lib/"
# Hard links where possible: target/lib is a copy of ~/.m2 already.
cp -l "$ROOT"/target/lib/*.jar "$staging/lib/" 2>/dev/null || cp "$ROOT"/target/lib/*.jar "$staging/lib/"
cp "$ROOT/kernel-spec/plasticity.jsh" "$staging/init.jsh"
# Our sources, outside lib/ (not on the cells' class path): Shift-Tab shows our Javadoc from them.
if [ -n "$sources_jar" ]; then
  mkdir -p "$staging/src" && cp "$sources_jar" "$staging/src/"
  sources_env=", \"PLASTICITY_KERNEL_SOURCES\": \"$target/src/$(basename "$sources_jar")\""
else
  echo "warning: target/plasticity-*-sources.jar is missing: Shift-Tab will show no Javadoc of our API" >&2
  sources_env=""
fi

argv_head="\"$JAVA\""
for opt in $PLASTICITY_JVM_OPTS; do argv_head="$argv_head, \"$opt\""; done
if [ "$flavour" = plasticity ]; then
  # Our kernel: the cells see the kernel's class path (lib/*); default imports are built in.
  argv_tail="\"-cp\", \"$target/lib/*\", \"org.plasticity.kernel.KernelMain\", \"{connection_file}\""
  env_json="\"PLASTICITY_KERNEL\": \"plasticity\"$sources_env"
else
  fetch_artifact "io.github.padreati:rapaio-jupyter-kernel:$RAPAIO_VERSION" "$staging/kernel"
  kernel_jar="$target/kernel/rapaio-jupyter-kernel-$RAPAIO_VERSION.jar"
  argv_tail="\"-cp\", \"$kernel_jar\", \"org.rapaio.jupyter.kernel.MainApp\", \"{connection_file}\""
  env_json="\"RJK_CLASSPATH\": \"$target/lib/*.jar\", \"RJK_INIT_SCRIPT\": \"$target/init.jsh\", \"RJK_TIMEOUT_MILLIS\": \"-1\""
fi
# kernel.json, written to a temporary file and renamed (a reader never sees half a file).
write_kernel_json() { # dir [extra JVM option]
  local a="$argv_head"
  [ -n "${2:-}" ] && a="$a, \"$2\""
  cat > "$1/kernel.json.tmp" <<JSON
{
  "argv": [$a, $argv_tail],
  "display_name": "$display_name",
  "language": "java",
  "interrupt_mode": "message",
  "env": {$env_json},
  "metadata": {"plasticity_jar": "$(basename "$jar")", "plasticity_kernel": "$flavour"}
}
JSON
  mv "$1/kernel.json.tmp" "$1/kernel.json"
}
write_kernel_json "$staging"

# Swap the new kernel folder in (the old one, if any, is removed only after the new one is complete).
if [ -e "$target" ]; then
  old="$(mktemp -d "$jupyter_path/kernels/.$name.old.XXXXXX")"
  mv "$target" "$old/"
  mv "$staging" "$target"
  rm -rf "$old"
else
  mv "$staging" "$target"
fi
trap - EXIT

# Class-data sharing (our kernel only): the warm-up runs JShell, the default imports, a cell, a table, a
# chart, completion and inspection once and dumps the classes it loaded into kernel.jsa; kernel.json then
# maps them at every start instead of loading and verifying them again. The archive is tied to this JDK
# and these jars (the JVM checks both and silently starts without it when either changed; re-running this
# script rebuilds it). PLASTICITY_KERNEL_CDS=0 skips it.
if [ "$flavour" = plasticity ] && [ "${PLASTICITY_KERNEL_CDS:-1}" = 1 ]; then
  log "building the kernel's class-data-sharing archive (one warm-up start)"
  rm -f "$target/kernel.jsa" "$target/kernel.jsa.tmp"
  # shellcheck disable=SC2086
  if env PLASTICITY_KERNEL_SOURCES="${sources_jar:+$target/src/$(basename "$sources_jar")}" \
      "$JAVA" $PLASTICITY_JVM_OPTS -XX:ArchiveClassesAtExit="$target/kernel.jsa.tmp" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -cp "$target/lib/*" org.plasticity.kernel.KernelMain --warm-up >"$target/warm-up.log" 2>&1 \
      && [ -s "$target/kernel.jsa.tmp" ]; then
    mv "$target/kernel.jsa.tmp" "$target/kernel.jsa"
    write_kernel_json "$target" "-XX:SharedArchiveFile=$target/kernel.jsa"
  else
    rm -f "$target/kernel.jsa.tmp"
    echo "warning: the class-data-sharing archive could not be built (see $target/warm-up.log); the kernel works, it only starts slower" >&2
  fi
fi
echo "kernel installed: $target/kernel.json"
[ "$jupyter_path" = "$DEFAULT_JUPYTER_PATH" ] || echo "start Jupyter with JUPYTER_PATH=$jupyter_path to see it"
