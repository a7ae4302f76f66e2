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
build_library
fill_data_cache

log "running the test suite (mvn verify, notebook suite included)"
cd "$ROOT"
status=0
mvn -B -Dstyle.color=never ${MAVEN_OFFLINE:-} verify -Dsurefire.excludedGroups=none "$@" || status=$?
echo "test job took $(( $(date +%s) - start )) s"
exit $status
