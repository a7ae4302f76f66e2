#!/usr/bin/env bash
# Builds the library and installs the Jupyter kernel "Java (Plasticity)" (rapaio-jupyter-kernel
# with our jar, its dependencies and our default imports).
#
#   kernel-spec/install-kernel.sh [--no-build] [--jupyter-path DIR]
#
# DIR defaults to $PLASTICITY_JUPYTER_PATH, else Jupyter's per-user data folder
# (~/.local/share/jupyter), where `jupyter notebook` finds it without further set-up. For
# another DIR, start Jupyter with JUPYTER_PATH=DIR. The kernel folder holds copies of all jars,
# so `mvn clean` does not break an installed kernel; re-run this script after code changes.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

build=1
jupyter_path="$DEFAULT_JUPYTER_PATH"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --jupyter-path) jupyter_path="$2"; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done

check_prerequisites
[ "$build" = 1 ] && build_library
jar="$(library_jar)"

mkdir -p "$jupyter_path/kernels"
jupyter_path="$(cd "$jupyter_path" && pwd)"
target="$jupyter_path/kernels/$KERNEL_NAME"
staging="$(mktemp -d "$jupyter_path/kernels/.$KERNEL_NAME.XXXXXX")"
trap 'rm -rf "$staging"' EXIT

log "installing kernel '$KERNEL_DISPLAY_NAME' into $target"
mkdir -p "$staging/lib" "$staging/kernel"
fetch_artifact "io.github.padreati:rapaio-jupyter-kernel:$RAPAIO_VERSION" "$staging/kernel"
fetch_artifact "org.slf4j:slf4j-nop:$SLF4J_VERSION" "$staging/lib"
cp "$jar" "$staging/lib/"
# Hard links where possible: target/lib is a copy of ~/.m2 already.
cp -l "$ROOT"/target/lib/*.jar "$staging/lib/" 2>/dev/null || cp "$ROOT"/target/lib/*.jar "$staging/lib/"
cp "$ROOT/kernel-spec/plasticity.jsh" "$staging/init.jsh"

kernel_jar="$target/kernel/rapaio-jupyter-kernel-$RAPAIO_VERSION.jar"
argv="\"$JAVA\""
for opt in $PLASTICITY_JVM_OPTS; do argv="$argv, \"$opt\""; done
argv="$argv, \"-cp\", \"$kernel_jar\", \"org.rapaio.jupyter.kernel.MainApp\", \"{connection_file}\""
cat > "$staging/kernel.json" <<JSON
{
  "argv": [$argv],
  "display_name": "$KERNEL_DISPLAY_NAME",
  "language": "java",
  "interrupt_mode": "message",
  "env": {
    "RJK_CLASSPATH": "$target/lib/*.jar",
    "RJK_INIT_SCRIPT": "$target/init.jsh",
    "RJK_TIMEOUT_MILLIS": "-1"
  },
  "metadata": {"plasticity_jar": "$(basename "$jar")"}
}
JSON

# Swap the new kernel folder in (the old one, if any, is removed only after the new one is complete).
if [ -e "$target" ]; then
  old="$(mktemp -d "$jupyter_path/kernels/.$KERNEL_NAME.old.XXXXXX")"
  mv "$target" "$old/"
  mv "$staging" "$target"
  rm -rf "$old"
else
  mv "$staging" "$target"
fi
trap - EXIT
echo "kernel installed: $target/kernel.json"
[ "$jupyter_path" = "$DEFAULT_JUPYTER_PATH" ] || echo "start Jupyter with JUPYTER_PATH=$jupyter_path to see it"
