#!/usr/bin/env bash
# MAIN JOB: set up everything that is missing and execute every notebook.
#
#   kernel-spec/run-notebooks.sh [--in-place] [notebook.ipynb ...]
#
# Installs Jupyter from Debian if missing (sudo when not root), builds the library, fills the data
# cache (~/.plasticity/datasets, or PLASTICITY_DATA), installs the kernel "Java (Plasticity)"
# (~/.local/share/jupyter, or PLASTICITY_JUPYTER_PATH), executes the notebooks headless through it
# and prints where the executed notebooks and their HTML renderings are.
#
#   PLASTICITY_PROFILE=full   (default) the papers' settings: the real reproduction; slow on 2 cores
#   PLASTICITY_PROFILE=smoke  small data, few epochs: every notebook in minutes
#   PLASTICITY_OUTPUT=DIR     where executed notebooks go (default target/notebooks-<profile>)
#   --in-place                also write passing executed notebooks back into notebooks/ (to commit them)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

profile="${PLASTICITY_PROFILE:-full}"
out="${PLASTICITY_OUTPUT:-$ROOT/target/notebooks-$profile}"
export PLASTICITY_PROFILE="$profile"

check_prerequisites
ensure_jupyter
build_library
fill_data_cache
"$ROOT/kernel-spec/install-kernel.sh" --no-build --jupyter-path "$DEFAULT_JUPYTER_PATH"

log "executing notebooks ($profile profile)"
cd "$ROOT"
start=$(date +%s)
status=0
# shellcheck disable=SC2086
"$JAVA" $PLASTICITY_JVM_OPTS -cp "$(library_classpath)" org.plasticity.notebook.run.NotebookRunner \
  --profile "$profile" --out "$out" --html --jupyter-path "$DEFAULT_JUPYTER_PATH" "$@" || status=$?
echo "notebook run took $(( $(date +%s) - start )) s"
echo "open them with: JUPYTER_PATH=$DEFAULT_JUPYTER_PATH $JUPYTER notebook $out   (or the .html files in a browser)"
exit $status
