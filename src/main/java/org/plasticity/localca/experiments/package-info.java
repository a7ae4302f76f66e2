/**
 * The paper's experiments as runnable, resumable units: each {@link
 * org.plasticity.localca.experiments.Experiment} trains one configuration over seeds with the
 * shared trainer and {@code SeedSweep}, and records its figures in {@code results/reproduction.csv}.
 */
package org.plasticity.localca.experiments;
