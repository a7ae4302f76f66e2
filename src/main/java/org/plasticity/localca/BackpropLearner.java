package org.plasticity.localca;

import org.plasticity.data.Batch;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.ForwardPass;
import org.plasticity.localca.model.TreeBackprop;
import org.plasticity.train.BatchStats;
import org.plasticity.train.StepContext;

/**
 * Exact backprop on the compartment trees (Theorem 1): the capacity-ceiling learner of paper
 * Table 1 / Fig. 4. Writes the true gradient of the batch-mean cross-entropy into every
 * parameter's slot; the shared trainer's Adam applies it.
 *
 * <pre>{@code
 * var learner = LocalCa.backprop(TreeConfig.headline(), 42);
 * Trainer.create().epochs(80).batchSize(256).optimizer(learner.optimizer()).fit(learner, splits);
 * }</pre>
 */
public final class BackpropLearner extends TreeLearner {

    private TreeBackprop backprop;
    private int backpropCapacity;

    /**
     * @param net the network (trained in place)
     * @param rates per-group learning rates
     */
    public BackpropLearner(DendriticNetwork net, LearningRates rates) {
        super(net, rates);
    }

    @Override
    public BatchStats computeGradients(Batch batch, StepContext ctx) {
        ForwardPass pass = forward(batch);
        if (backprop == null || passCapacity() > backpropCapacity) {
            backprop = new TreeBackprop(net, passCapacity());
            backpropCapacity = passCapacity();
        }
        return backprop.run(pass, batch.labels(), grads, true);
    }

    @Override
    public String describe() {
        return "localca-bp | " + net.config().describe() + " init " + net.initSeed() + " | " + rates;
    }
}
