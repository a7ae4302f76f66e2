package org.plasticity.ep.bptt;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.ep.model.EnergyModel;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.ep.model.NeuronState;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Learner;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;

/**
 * Backpropagation through time over the same prototypical dynamics as {@link org.plasticity.ep.estimator.EquilibriumPropagation}:
 * the network relaxes {@code T1 − K} steps without recording, then {@code K} recorded steps, and the
 * exact gradient of the batch-mean loss at the end of the free phase with respect to the parameters,
 * through those last K steps, goes into the gradient slots. {@code K = T2} reproduces the reference
 * code's {@code --alg BPTT}; {@code K = T1} is full BPTT.
 */
public final class Bptt implements Learner {

    private final LayeredNetwork net;
    private final int t1;
    private final int truncation;
    private final BpttEngine engine;

    /**
     * @param net the network (prototypical dynamics)
     * @param t1 free-phase steps
     * @param truncation recorded steps K, 1 ≤ K ≤ T1
     */
    public Bptt(LayeredNetwork net, int t1, int truncation) {
        if (t1 < 1 || truncation < 1 || truncation > t1) {
            throw new IllegalArgumentException("BPTT needs 1 ≤ K ≤ T1, got T1=" + t1 + ", K=" + truncation);
        }
        this.net = net;
        this.t1 = t1;
        this.truncation = truncation;
        this.engine = new BpttEngine(net);
    }

    /** A copy recording {@code k} steps ({@code k = T1}: full BPTT). */
    public Bptt withTruncation(int k) {
        return new Bptt(net, t1, k);
    }

    /** The network. */
    public LayeredNetwork network() {
        return net;
    }

    /** Recorded steps K. */
    public int truncation() {
        return truncation;
    }

    @Override
    public List<Parameter> parameters() {
        return net.parameters();
    }

    @Override
    public BatchStats computeGradients(Batch batch, StepContext ctx) {
        net.bind(batch);
        NeuronState s = net.state(0);
        net.reset(s);
        net.relax(s, 0, t1 - truncation);
        engine.record(s, truncation);
        double[] lc = net.lossAndCorrect(s, null);
        engine.backward(null);
        return new BatchStats(lc[0], (long) lc[1], batch.size());
    }

    @Override
    public BatchStats evaluate(Batch batch) {
        return net.evaluateFreePhase(batch, t1, new SplittableRandom(EnergyModel.EVALUATION_SEED));
    }

    @Override
    public String describe() {
        return "BPTT(T1=" + t1 + ", K=" + truncation + ") " + net.describe();
    }

    @Override
    public String toString() {
        return describe();
    }
}
