package org.plasticity.localca;

import java.util.List;
import org.plasticity.data.Batch;
import org.plasticity.localca.model.CrossEntropy;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.ForwardPass;
import org.plasticity.localca.model.TreeBackprop;
import org.plasticity.localca.model.TreeGradients;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Parameter;
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
public final class BackpropLearner implements LocalCaLearner {

    private final DendriticNetwork net;
    private final LearningRates rates;
    private final List<Parameter> parameters;
    private final TreeGradients grads;
    private final PassCache passes;
    private TreeBackprop backprop;

    /**
     * @param net the network (trained in place)
     * @param rates per-group learning rates
     */
    public BackpropLearner(DendriticNetwork net, LearningRates rates) {
        this.net = net;
        this.rates = rates;
        this.parameters = net.parameters(rates::scale);
        this.grads = TreeGradients.over(net, parameters.stream().map(Parameter::grad).toList());
        this.passes = new PassCache(net);
    }

    /** The network being trained. */
    public DendriticNetwork network() {
        return net;
    }

    /** The per-group rates. */
    public LearningRates rates() {
        return rates;
    }

    /** The optimizer these rates call for (Adam, clip by value). */
    @Override
    public org.plasticity.train.optim.Adam optimizer() {
        return rates.optimizer();
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public BatchStats computeGradients(Batch batch, StepContext ctx) {
        ForwardPass pass = passes.forward(batch);
        if (backprop == null || passes.capacity() > backpropCapacity) {
            backprop = new TreeBackprop(net, passes.capacity());
            backpropCapacity = passes.capacity();
        }
        return backprop.run(pass, batch.labels(), grads, true);
    }

    private int backpropCapacity;

    @Override
    public BatchStats evaluate(Batch batch) {
        ForwardPass pass = passes.forward(batch);
        return CrossEntropy.evaluate(pass.logits(), batch.labels(), batch.size(), null);
    }

    @Override
    public String describe() {
        return "localca-bp | " + net.config().describe() + " init " + net.initSeed() + " | " + rates;
    }

    @Override
    public String toString() {
        return "BackpropLearner[" + describe() + "]";
    }
}
