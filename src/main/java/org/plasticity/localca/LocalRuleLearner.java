package org.plasticity.localca;

import java.util.Map;
import org.plasticity.train.LearnerState;
import org.plasticity.data.Batch;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.ForwardPass;
import org.plasticity.localca.model.TreeGradients;
import org.plasticity.localca.rules.LocalRule;
import org.plasticity.localca.rules.LocalRuleConfig;
import org.plasticity.train.BatchStats;
import org.plasticity.train.StepContext;

/**
 * A compartmental network trained by a local 3F / 4F / 5F rule: per batch it runs the forward
 * pass and writes the rule's pseudo-gradient ({@link LocalRule}) into the parameters' gradient
 * slots; the shared trainer's Adam (per-group rates, clip 5) applies it. The running ρ / φ
 * estimators are learner state and travel with checkpoints.
 *
 * <pre>{@code
 * var learner = LocalCa.local(TreeConfig.headline(), LocalRuleConfig.headline(), 42);
 * var run = Trainer.create().epochs(200).batchSize(256).seed(42).optimizer(learner.optimizer())
 *         .fit(learner, splits);
 * }</pre>
 */
public final class LocalRuleLearner extends TreeLearner {

    private final LocalRule rule;

    /**
     * @param net the network (trained in place)
     * @param rule the local rule's configuration
     * @param rates per-group learning rates
     * @param seed seed of the rule's fixed random draws (DFA feedback)
     */
    public LocalRuleLearner(DendriticNetwork net, LocalRuleConfig rule, LearningRates rates, long seed) {
        super(net, rates);
        this.rule = new LocalRule(net, rule, seed);
    }

    /** The rule (configuration and running modulators). */
    public LocalRule rule() {
        return rule;
    }

    @Override
    public BatchStats computeGradients(Batch batch, StepContext ctx) {
        ForwardPass pass = forward(batch);
        return rule.accumulate(pass, batch.labels(), ctx.epoch(), grads, true);
    }

    /**
     * The local pseudo-gradient of a batch into fresh buffers, without touching the running
     * estimators or the gradient slots (for the fidelity diagnostic).
     *
     * @param batch the samples
     * @param epoch epoch (HSIC warm-up)
     * @return the pseudo-gradient
     */
    public TreeGradients probe(Batch batch, int epoch) {
        TreeGradients g = TreeGradients.zeros(net);
        rule.accumulate(forward(batch), batch.labels(), epoch, g, false);
        return g;
    }

    @Override
    public LearnerState state() {
        return rule.state();
    }

    @Override
    public void restoreState(LearnerState state) {
        rule.restoreState(state);
    }

    @Override
    public String describe() {
        return "localca-" + rule.config().describe() + " | " + net.config().describe() + " init " + net.initSeed() + " | "
                + rates;
    }
}
