package org.plasticity.localca;

import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.TreeConfig;
import org.plasticity.localca.rules.LocalRuleConfig;
import org.plasticity.train.Trainer;

/**
 * One-call entry points for the LocalCA paper ("Local Credit Assignment in Compartmental Dendritic
 * Networks"): learners with the authors' settings and the matching trainer.
 *
 * <pre>{@code
 * var learner = LocalCa.headline5fPerSoma(42);          // 128 neurons [3,3], K_E 40, K_I 20, 5F per-soma
 * var run = LocalCa.trainer(learner, 200).seed(42).fit(learner, splits);   // installs learner.optimizer()
 * var ceiling = LocalCa.backprop(TreeConfig.headline(), 42);   // Theorem 1 backprop
 * }</pre>
 */
public final class LocalCa {

    /** Paper name used in result rows. */
    public static final String PAPER = "local-credit-assignment-compartmental";

    private LocalCa() {
    }

    /**
     * The headline local learner (Table 1): {@link TreeConfig#headline()},
     * {@link LocalRuleConfig#headline()} (5F, per-soma, local decoder), local learning rates.
     */
    public static LocalRuleLearner headline5fPerSoma(long seed) {
        return local(TreeConfig.headline(), LocalRuleConfig.headline(), seed);
    }

    /** A local learner with the local-rule learning rates (1.5e-3 / 7e-4 / 5e-4 / 1.5e-3, clip 5). */
    public static LocalRuleLearner local(TreeConfig tree, LocalRuleConfig rule, long seed) {
        return local(tree, rule, LearningRates.local(), seed);
    }

    /** A local learner with explicit learning rates. */
    public static LocalRuleLearner local(TreeConfig tree, LocalRuleConfig rule, LearningRates rates, long seed) {
        return new LocalRuleLearner(DendriticNetwork.create(tree, seed), rule, rates, seed);
    }

    /** The sandbox of paper Table 4: 20 neurons, K_I 10, rates 2e-3 / 1e-3 / 1e-3 / 2e-3. */
    public static LocalRuleLearner sandbox(LocalRuleConfig rule, long seed) {
        return local(TreeConfig.sandbox(), rule, LearningRates.sandbox(), seed);
    }

    /** Exact tree backprop (capacity ceiling) with the backprop rates (1e-3 / 5e-4 / 5e-4 / 1e-3, clip 5). */
    public static BackpropLearner backprop(TreeConfig tree, long seed) {
        return new BackpropLearner(DendriticNetwork.create(tree, seed), LearningRates.backprop());
    }

    /** The point-neuron MLP baseline trained by backprop (hidden = the tree's neuron count). */
    public static PointMlpLearner pointMlp(TreeConfig tree, long seed) {
        return new PointMlpLearner(tree.inputSize(), tree.neurons(), tree.classes(), false, seed);
    }

    /** Epochs of the paper's local-rule runs. */
    public static final int LOCAL_EPOCHS = 200;

    /**
     * The shared trainer with the paper's local-rule settings (batch 256, 200 epochs) and the learner's own
     * optimizer ({@link LocalCaLearner#optimizer()}: Adam at its rates with the value clip).
     *
     * @param learner the learner whose optimizer is installed
     * @return the trainer; {@code .optimizer(...)} afterwards still overrides it
     */
    public static Trainer trainer(LocalCaLearner learner) {
        return trainer(learner, LOCAL_EPOCHS);
    }

    /**
     * The shared trainer with the paper's batch size 256, the given epochs and the learner's own optimizer.
     * (A trainer built without the learner would train with the trainer's default SGD and ignore the learner's
     * rates silently, which is why there is no learner-less variant.)
     *
     * @param learner the learner whose optimizer is installed
     * @param epochs epochs to train
     * @return the trainer
     */
    public static Trainer trainer(LocalCaLearner learner, int epochs) {
        return Trainer.create().epochs(epochs).batchSize(256).evalBatchSize(1000).optimizer(learner.optimizer());
    }
}
