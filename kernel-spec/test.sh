#!/usr/bin/env bash
# TEST JOB: everything the test suite needs, then the whole suite.
#
#   kernel-spec/test.sh [extra maven arguments]
#
# Installs Jupyter from Debian if missing (sudo when not root), builds the jar, fills the data
# cache, then runs `mvn -B verify` including the notebook suite (tag "notebook": every notebook
# executed through the real kernel and through the JShell API, smoke profile). Executed notebooks
# land in target/notebooks-smoke; PLASTICITY_WRITE_BACK=1 writes passing ones back into notebooks/.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

export PLASTICITY_PROFILE=smoke
start=$(date +%s)
check_prerequisites
ensure_jupyter
# The rendering check (NotebookRenderingTest) opens every executed notebook in headless Chromium.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; then
  log "installing Chromium from Debian (rendering check)"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
fi
build_library
fill_data_cache

log "running the test suite (mvn verify, notebook suite included)"
cd "$ROOT"
status=0
mvn -B -Dstyle.color=never ${MAVEN_OFFLINE:-} -Pspark verify -Dsurefire.excludedGroups=none "$@" || status=$?   # -Pspark: SparkExecutorTest in local[2,2]
echo "test job took $(( $(date +%s) - start )) s"
exit $status
