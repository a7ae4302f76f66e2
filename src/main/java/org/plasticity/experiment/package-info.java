/**
 * The one experiment layer: every catalogued reproduction of every model family, run the same way
 * from notebooks, the {@code plasticity} command and sweeps.
 *
 * <ul>
 *   <li>{@link org.plasticity.experiment.Recipe}: id, paper, data set, learner factory from a seed,
 *       trainer, typed {@link org.plasticity.experiment.Knob knobs}, seeds and the paper's
 *       {@link org.plasticity.experiment.Claim claims}.</li>
 *   <li>{@link org.plasticity.experiment.Catalog}: every recipe by id; families register through the
 *       {@link org.plasticity.experiment.RecipeProvider} service (a recipe file plus one line in
 *       {@code META-INF/services/org.plasticity.experiment.RecipeProvider}).</li>
 *   <li>{@link org.plasticity.experiment.RunSpec}: (recipe id, overrides, seed, profile) as plain data
 *       with a JSON round trip; {@link org.plasticity.experiment.Experiment} runs seeds and returns an
 *       {@link org.plasticity.experiment.Outcome}; {@link org.plasticity.experiment.Plasticity} is the
 *       command line.</li>
 * </ul>
 *
 * <h2>The four rules</h2>
 * <ol>
 *   <li><b>Smoke / full</b> ({@link org.plasticity.results.Profile}): smoke runs take the first 512
 *       training samples and at most 256 validation and test samples, 2 epochs (unless the run spec
 *       overrides {@code epochs}) and at most 2 seeds, in a temporary store deleted at exit; their rows
 *       are never recorded into the committed results. Full runs use the recipe as declared.</li>
 *   <li><b>Seeds</b> ({@link org.plasticity.experiment.Rules}): a recipe's seeds are 1, 2, 3, 4, 5 unless
 *       it declares the seeds of its committed runs (LocalCA 42–46, EP 1–3); n seeds = the first n,
 *       continuing after the last declared one; later declared seeds that already finished join the
 *       aggregate; stored runs keep their seeds. Full runs default to 3 seeds unless the recipe says
 *       otherwise.</li>
 *   <li><b>Reported metric</b>: the test accuracy at the epoch of best validation accuracy (the earliest
 *       such epoch); without a validation split (the EP MNIST recipes train on all 60k), the test
 *       accuracy after the last epoch. The test set never selects a model.</li>
 *   <li><b>Tolerance</b>: {@code reproduced} when |ours − paper| ≤ max(2 × paper std, the claim's stated
 *       margin), else {@code below} / {@code above}; {@code stand-in} without a paper figure;
 *       {@code not-obtainable-here} when the data cannot be had on the project's machines.</li>
 * </ol>
 *
 * <p>Nothing a user runs dirties the repository: records, histories and checkpoints go to
 * {@code target/runs/} ({@code -Dplasticity.runs}), rows to {@code target/results/}; recording into
 * {@code results/} happens only on request ({@code plasticity run --record},
 * {@code -Dplasticity.record=true}, {@link org.plasticity.experiment.Experiment#record(boolean)}).
 * The experiment package imports no family package.
 */
package org.plasticity.experiment;
