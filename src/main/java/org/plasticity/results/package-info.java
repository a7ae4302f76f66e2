/**
 * Run records with provenance, resumable seed sweeps with mean ± std, and the {@code results/*.csv} files every claimed figure goes to.
 */
package org.plasticity.results;
