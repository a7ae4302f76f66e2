package org.plasticity.ep.recipes;

import org.plasticity.ep.EqProp;
import org.plasticity.ep.EpConfig;

import org.plasticity.ep.bptt.Bptt;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.train.Trainer;
import org.plasticity.train.optim.OptimizerSpec;

/**
 * A paper's complete training setting: the network and estimator ({@link EpConfig}), the optimizer, the
 * batch size and the number of epochs, with the figure it should reproduce and where that figure comes
 * from. Immutable; {@code withX} returns a copy.
 *
 * @param id stable id used in result rows, e.g. {@code mnist-784-500-10-symmetric}
 * @param paper citation of the setting
 * @param config network, dynamics, phases and estimator
 * @param optimizer optimizer (layer-wise rates are in {@code config.layerLrScales()})
 * @param batchSize training mini-batch size
 * @param epochs training epochs
 * @param paperTestError the paper's test error in percent (NaN when none)
 * @param source where {@code paperTestError} and the settings come from, with "(unverified)" where they
 *     were not checked against the primary source
 */
public record EpRecipe(String id, String paper, EpConfig config, OptimizerSpec optimizer, int batchSize, int epochs,
        double paperTestError, String source) {

    /** Validates. */
    public EpRecipe {
        if (id == null || !id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("recipe id must match [A-Za-z0-9._-]+, got '" + id + "'");
        }
        if (config == null || optimizer == null) {
            throw new IllegalArgumentException("recipe needs a config and an optimizer");
        }
        if (batchSize < 1 || epochs < 1) {
            throw new IllegalArgumentException("batch size and epochs must be ≥ 1, got " + batchSize + ", " + epochs);
        }
    }

    /** The EP learner of this recipe, parameters drawn from {@code seed}. */
    public EquilibriumPropagation learner(long seed) {
        return EqProp.from(config).build(seed);
    }

    /** A backprop-through-time learner over the same dynamics (the papers' BPTT baseline). */
    public Bptt bptt(long seed) {
        return EqProp.from(config).buildBptt(seed);
    }

    /** A trainer with this recipe's optimizer, batch size and epochs (add seed, checkpoints, listeners). */
    public Trainer trainer() {
        return Trainer.create().optimizer(optimizer).batchSize(batchSize).epochs(epochs);
    }

    /** A copy with another configuration (e.g. {@code r.withConfig(r.config().withEstimator(ONE_SIDED))}). */
    public EpRecipe withConfig(EpConfig c) {
        return new EpRecipe(id, paper, c, optimizer, batchSize, epochs, paperTestError, source);
    }

    /** A copy with another id. */
    public EpRecipe withId(String newId) {
        return new EpRecipe(newId, paper, config, optimizer, batchSize, epochs, paperTestError, source);
    }

    /** A copy with another number of epochs. */
    public EpRecipe withEpochs(int n) {
        return new EpRecipe(id, paper, config, optimizer, batchSize, n, paperTestError, source);
    }

    /** A copy with another batch size. */
    public EpRecipe withBatchSize(int n) {
        return new EpRecipe(id, paper, config, optimizer, n, epochs, paperTestError, source);
    }

    /** A copy with another optimizer. */
    public EpRecipe withOptimizer(OptimizerSpec o) {
        return new EpRecipe(id, paper, config, o, batchSize, epochs, paperTestError, source);
    }

    @Override
    public String toString() {
        return "EpRecipe[" + id + ": " + config + ", " + optimizer + ", batch " + batchSize + ", " + epochs + " epochs, paper "
                + (Double.isNaN(paperTestError) ? "—" : paperTestError + "% test error") + " (" + source + ")]";
    }
}
