# Shared helpers of the kernel-spec scripts (sourced, not run).
# Everything is idempotent: a second run reuses what the first one installed.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RAPAIO_VERSION="3.0.1"
SLF4J_VERSION="2.0.16"
KERNEL_NAME="plasticity"
KERNEL_DISPLAY_NAME="Java (Plasticity)"
JUPYTER=/usr/bin/jupyter
PYTHON=/usr/bin/python3
# Kernel and launcher JVM flags: headless charts; the Vector API module for the SIMD kernels.
PLASTICITY_JVM_OPTS="${PLASTICITY_JVM_OPTS:--Djava.awt.headless=true --add-modules=jdk.incubator.vector}"
# Where kernels are installed: Jupyter's per-user data folder unless told otherwise.
DEFAULT_JUPYTER_PATH="${PLASTICITY_JUPYTER_PATH:-${JUPYTER_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/jupyter}}"

# The java that runs kernels and tools: $JAVA_HOME/bin/java, else the first java on PATH.
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/java}"
JAVA="${JAVA:-$(command -v java || true)}"

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root (directly when we are root, else through sudo).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root for: $* (no sudo available); run it as root once, then re-run this script"
  fi
}

# Installs Jupyter from Debian unless /usr/bin/jupyter can already execute notebooks.
ensure_jupyter() {
  if [ -x "$JUPYTER" ] && "$PYTHON" -c 'import nbclient, nbconvert, jupyter_client' 2>/dev/null; then
    return
  fi
  command -v apt-get >/dev/null || die "Jupyter is missing and this is not a Debian/Ubuntu machine: install \
jupyter (nbconvert, nbclient, jupyter_client) with your package manager"
  log "installing Jupyter from Debian packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    jupyter-nbconvert python3-nbclient jupyter-client jupyter-notebook python3-ipykernel fontconfig fonts-dejavu-core
}

# The JDK's sources (lib/src.zip): Shift-Tab in the kernel shows the JDK's Javadoc from them. On Debian/Ubuntu
# they are the package openjdk-N-source; elsewhere the JDK usually ships them. Never fatal: without them
# inspection shows signatures only.
ensure_jdk_sources() {
  local home major
  home="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')"
  [ -r "$home/lib/src.zip" ] && return 0
  major="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  if command -v apt-get >/dev/null && case "$home" in /usr/lib/jvm/*) true ;; *) false ;; esac \
     && { [ "$(id -u)" = 0 ] || command -v sudo >/dev/null; }; then
    log "installing the JDK sources (openjdk-$major-source) for the kernel's Javadoc"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "openjdk-$major-source" \
      || { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
             --no-install-recommends "openjdk-$major-source"; } \
      || echo "warning: could not install openjdk-$major-source: Shift-Tab shows no JDK Javadoc" >&2
  else
    echo "warning: $home/lib/src.zip is missing: Shift-Tab shows no JDK Javadoc (install the JDK's sources)" >&2
  fi
  return 0
}

# Our sources jar (Javadoc for Shift-Tab), built beside the jar by mvn package; empty when missing.
library_sources_jar() {
  ls "$ROOT"/target/plasticity-*-sources.jar 2>/dev/null | head -1 || true
}

# Builds target/plasticity-*.jar and target/lib/*.jar (tests skipped: test.sh runs them).
build_library() {
  log "building the library (mvn package)"
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never ${MAVEN_OFFLINE:-} package -DskipTests)
}

library_jar() {
  local jar
  jar="$(ls "$ROOT"/target/plasticity-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -1 || true)"
  [ -n "$jar" ] || die "target/plasticity-*.jar is missing: run 'mvn -B package -DskipTests' first"
  printf '%s' "$jar"
}

# The library's run-time class path (jar + dependencies), ':'-separated.
library_classpath() {
  local cp
  cp="$(library_jar)"
  for j in "$ROOT"/target/lib/*.jar; do cp="$cp:$j"; done
  printf '%s' "$cp"
}

# Fills the data cache (~/.plasticity/datasets unless PLASTICITY_DATA says otherwise).
fill_data_cache() {
  log "filling the data cache"
  # shellcheck disable=SC2086
  "$JAVA" $PLASTICITY_JVM_OPTS -cp "$(library_classpath)" org.plasticity.data.DatasetsCli fill
}

# Checks the tools a fresh machine must bring (JDK 17+, Maven).
check_prerequisites() {
  [ -n "$JAVA" ] && [ -x "$JAVA" ] || die "no java found: install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless)"
  command -v mvn >/dev/null || die "no mvn found: install Maven 3.8+ (e.g. apt-get install maven)"
  local v
  v="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  [ "${v%%.*}" -ge 17 ] 2>/dev/null || die "java $v is too old: Plasticity needs JDK 17 or newer"
}

# Copies a Maven artifact from Maven Central (through ~/.m2) into a folder.
fetch_artifact() { # groupId:artifactId:version dest-dir
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never ${MAVEN_OFFLINE:-} dependency:copy -Dartifact="$1" -DoutputDirectory="$2" \
    -Dmdep.overWriteReleases=false)
}
