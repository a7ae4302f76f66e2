/**
 * Sweeps: a grid of knob values × seeds of one recipe as independent, resumable runs
 * ({@link org.plasticity.experiment.sweep.Sweep}), run by a
 * {@link org.plasticity.experiment.sweep.SweepExecutor} (sequential, thread pool, one point per
 * process via {@code plasticity sweep SWEEP.json --index N}), collected into one
 * {@link org.plasticity.experiment.sweep.SweepTable}; and the statistics of "A beats B"
 * ({@link org.plasticity.experiment.sweep.Compare}: Welch and paired t-tests with
 * {@link org.plasticity.experiment.sweep.StudentT} p-values and effect sizes).
 */
package org.plasticity.experiment.sweep;
