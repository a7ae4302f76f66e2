package org.plasticity.localca;

import java.util.List;
import org.plasticity.data.Batch;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.ForwardPass;
import org.plasticity.localca.model.TreeGradients;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Parameter;
import org.plasticity.train.loss.SoftmaxCrossEntropy;
import org.plasticity.train.optim.Adam;

/**
 * What every learner of a compartmental network shares: the network trained in place, its
 * parameters with per-group rate scales, gradient views onto their slots, one reusable
 * forward-pass buffer, and the evaluation (forward pass + cross-entropy). Subclasses only say
 * how a batch's descent direction is computed ({@link #computeGradients}) and describe
 * themselves.
 */
public abstract class TreeLearner implements LocalCaLearner {

    /** The network being trained. */
    protected final DendriticNetwork net;
    /** Per-group learning rates. */
    protected final LearningRates rates;
    /** Gradient views onto the parameters' slots (written by {@link #computeGradients}). */
    protected final TreeGradients grads;
    private final List<Parameter> parameters;
    private ForwardPass pass;

    /**
     * @param net the network (trained in place)
     * @param rates per-group learning rates
     */
    protected TreeLearner(DendriticNetwork net, LearningRates rates) {
        this.net = net;
        this.rates = rates;
        this.parameters = net.parameters(rates::scale);
        this.grads = TreeGradients.over(net, parameters.stream().map(Parameter::grad).toList());
    }

    /** The network being trained. */
    public DendriticNetwork network() {
        return net;
    }

    /** The per-group rates. */
    public LearningRates rates() {
        return rates;
    }

    /** Adam at the synapse rate with clip-by-value, as the rates call for. */
    @Override
    public Adam optimizer() {
        return rates.optimizer();
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The forward pass of a batch into the reused buffer (regrown when a larger batch arrives).
     *
     * @param batch the samples
     * @return the pass (valid until the next call)
     * @throws IllegalArgumentException when the batch's feature count is not the network's input size
     */
    protected final ForwardPass forward(Batch batch) {
        if (batch.featureCount() != net.config().inputSize()) {
            throw new IllegalArgumentException("batch has " + batch.featureCount() + " features per sample, the network "
                    + "expects inputSize=" + net.config().inputSize() + "; use TreeConfig.withInputSize(...)");
        }
        if (pass == null || pass.capacity() < batch.size()) {
            pass = net.newPass(batch.size());
        }
        net.forward(batch.features(), batch.size(), pass);
        return pass;
    }

    /** Samples the forward-pass buffer holds (0 before the first pass). */
    protected final int passCapacity() {
        return pass == null ? 0 : pass.capacity();
    }

    @Override
    public BatchStats evaluate(Batch batch) {
        return stats(SoftmaxCrossEntropy.evaluate(forward(batch).logits(), batch.size(), batch.labels(), null));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + describe() + "]";
    }

    private static BatchStats stats(SoftmaxCrossEntropy.Totals t) {
        return new BatchStats(t.lossSum(), t.correct(), t.rows());
    }
}
