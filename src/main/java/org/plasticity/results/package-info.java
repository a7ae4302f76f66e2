/**
 * Run records with provenance and data checksums, run stores ({@link org.plasticity.results.RunStore}: the
 * user's output folder, the committed {@code results/runs/} read back, the temporary smoke store), resumable
 * seed sweeps with mean ± std, the {@link org.plasticity.results.Profile} smoke policy, and the
 * {@code results/*.csv} files (safe for concurrent writers across threads and processes; the committed file
 * refuses smoke rows).
 */
package org.plasticity.results;
