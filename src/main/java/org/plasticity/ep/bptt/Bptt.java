package org.plasticity.ep.bptt;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.ep.model.DifferentiableModel;
import org.plasticity.ep.model.EnergyModel;
import org.plasticity.ep.model.EpState;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Learner;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;

/**
 * Backpropagation through time over the same dynamics as
 * {@link org.plasticity.ep.estimator.EquilibriumPropagation}, for any {@link DifferentiableModel}: the
 * network relaxes {@code T1 − K} steps without recording, then {@code K} recorded steps, and the exact
 * gradient of the batch-mean loss at the end of the free phase with respect to the parameters, through
 * those last K steps, goes into the gradient slots. {@code K = T2} reproduces the reference code's
 * {@code --alg BPTT}; {@code K = T1} is full BPTT.
 */
public final class Bptt implements Learner {

    private final DifferentiableModel<?> model;
    private final int t1;
    private final int truncation;
    private final Window<?> window;

    /**
     * @param model the network (e.g. a layered network with prototypical dynamics)
     * @param t1 free-phase steps
     * @param truncation recorded steps K, 1 ≤ K ≤ T1
     * @throws UnsupportedOperationException when the model's configuration cannot be differentiated
     */
    public Bptt(DifferentiableModel<?> model, int t1, int truncation) {
        if (t1 < 1 || truncation < 1 || truncation > t1) {
            throw new IllegalArgumentException("BPTT needs 1 ≤ K ≤ T1, got T1=" + t1 + ", K=" + truncation);
        }
        this.model = model;
        this.t1 = t1;
        this.truncation = truncation;
        this.window = Window.of(model);
    }

    /** A copy recording {@code k} steps ({@code k = T1}: full BPTT). */
    public Bptt withTruncation(int k) {
        return new Bptt(model, t1, k);
    }

    /** The network. */
    public DifferentiableModel<?> model() {
        return model;
    }

    /** Free-phase steps T1. */
    public int t1() {
        return t1;
    }

    /** Recorded steps K. */
    public int truncation() {
        return truncation;
    }

    @Override
    public List<Parameter> parameters() {
        return model.parameters();
    }

    @Override
    public BatchStats computeGradients(Batch batch, StepContext ctx) {
        return window.gradients(batch, t1 - truncation, truncation, ctx.rng());
    }

    /** A model with its engine, typed by the model's state. */
    private record Window<S extends EpState>(DifferentiableModel<S> model, BpttEngine<S> engine) {

        static <S extends EpState> Window<S> of(DifferentiableModel<S> m) {
            return new Window<>(m, new BpttEngine<>(m));
        }

        /** {@code free} unrecorded steps from rest, then {@code k} recorded ones, then the backward pass. */
        BatchStats gradients(Batch batch, int free, int k, SplittableRandom rng) {
            model.bind(batch);
            S s = model.state(0);
            model.reset(s);
            model.relax(s, 0, free, rng);
            engine.record(s, k, rng);
            double[] lc = model.lossAndCorrect(s, null);
            engine.backward(null);
            return new BatchStats(lc[0], (long) lc[1], batch.size());
        }
    }

    @Override
    public BatchStats evaluate(Batch batch) {
        return model.evaluateFreePhase(batch, t1, new SplittableRandom(EnergyModel.EVALUATION_SEED));
    }

    @Override
    public String describe() {
        return "BPTT(T1=" + t1 + ", K=" + truncation + ") " + model.describe();
    }

    @Override
    public String toString() {
        return describe();
    }
}
