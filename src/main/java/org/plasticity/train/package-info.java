/**
 * The one training loop of the project: {@link org.plasticity.train.Learner} (a model plus its update rule),
 * {@link org.plasticity.train.Trainer}, listeners, checkpoints and seed derivation. Every model family (EP, LocalCA,
 * ...) trains through it.
 *
 * <h2>The engine contract a new family implements</h2>
 * <ul>
 *   <li><b>Data</b>: {@link org.plasticity.data.Batch} carries class labels, float targets
 *       ({@code Batch.regression}, {@code Dataset.regression / withTargets}) and an optional time axis
 *       ({@code timeSteps}, {@code offset(i, t)}; {@code Dataset.withTimeSteps}).</li>
 *   <li><b>Gradients</b>: {@link org.plasticity.train.Learner#computeGradients} writes descent directions into the
 *       {@link org.plasticity.train.Parameter} slots; the trainer's optimizer applies them once per batch. An online
 *       learner (updates at every time step, no phases) calls {@link org.plasticity.train.StepContext#applyUpdate()}
 *       instead; the {@link org.plasticity.train.Trainer} documents how the optimizer is applied then. Randomness
 *       comes from {@link org.plasticity.train.StepContext#rng()} only.</li>
 *   <li><b>Metrics</b>: {@link org.plasticity.train.BatchStats} sums (loss, correct, count, and any named metric via
 *       {@code with(name, sum)}) reach {@link org.plasticity.train.EpochMetrics#extra()}, history CSVs, run records
 *       and the divergence guard ({@code saturation}).</li>
 *   <li><b>State</b>: everything besides the parameters that a resumed run needs goes into a typed
 *       {@link org.plasticity.train.LearnerState} ({@code Learner.state()/restoreState}); checkpoints store it
 *       exactly.</li>
 *   <li><b>Tests</b>: add the learner as one {@code Subject} line to {@code LearnerContractTest} (resume equals the
 *       uninterrupted run, state round trip, thread-count independence) and a smoke entry to
 *       {@code GoldenValuesTest} (regenerate with {@code -Dgolden.write=true}).</li>
 * </ul>
 */
package org.plasticity.train;
