package org.plasticity.ep.estimator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.ep.model.EnergyModel;
import org.plasticity.ep.model.EpState;
import org.plasticity.ep.model.Nudge;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Learner;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.listeners.DivergenceGuard;

/**
 * Equilibrium propagation as a {@link Learner}: per batch a free phase of T1 steps from rest (s*), the
 * nudged phases of the {@link Estimator} (T2 steps each, starting from s*), and the estimate
 * {@code ĝ = Σ_k c_k ∂Φ/∂θ(s_k, β_k)} written into the gradient slots as a descent direction; the
 * trainer's optimizer applies it. The training loss and accuracy are read at s* (reference code,
 * {@code train}), evaluation runs T1 free steps. Each training batch also reports the named metric
 * {@code saturation} ({@link EnergyModel#saturation}: the fraction of hidden units pinned at a bound of ρ
 * through all the batch's phases), which the trainer's divergence guard reads.
 *
 * <p>Any {@link EnergyModel} can be driven; {@link org.plasticity.ep.EqProp} builds the layered networks of the papers.
 */
public final class EquilibriumPropagation implements Learner {

    private final EnergyModel<?> model;
    private final int t1;
    private final int t2;
    private final double beta;
    private final GradientEstimator estimator;

    /**
     * @param model the network
     * @param t1 free-phase steps
     * @param t2 steps per nudged phase
     * @param beta |β|
     * @param estimator how phases combine
     */
    public EquilibriumPropagation(EnergyModel<?> model, int t1, int t2, double beta, GradientEstimator estimator) {
        if (t1 < 1 || t2 < 1 || !(beta > 0) || estimator == null || model == null) {
            throw new IllegalArgumentException("EP needs a model, T1 ≥ 1, T2 ≥ 1, β > 0 and an estimator; got T1=" + t1
                    + ", T2=" + t2 + ", β=" + beta + ", " + estimator);
        }
        this.model = model;
        this.t1 = t1;
        this.t2 = t2;
        this.beta = beta;
        this.estimator = estimator;
    }

    /** The network. */
    public EnergyModel<?> model() {
        return model;
    }

    /** Free-phase steps. */
    public int t1() {
        return t1;
    }

    /** Steps per nudged phase. */
    public int t2() {
        return t2;
    }

    /** |β|. */
    public double beta() {
        return beta;
    }

    /** The estimator. */
    public GradientEstimator estimator() {
        return estimator;
    }

    @Override
    public List<Parameter> parameters() {
        return model.parameters();
    }

    @Override
    public BatchStats computeGradients(Batch batch, StepContext ctx) {
        return phases(model, batch, ctx.rng());
    }

    /**
     * One batch's phases (Laborieux et al. 2021, eqs. 4–6): free phase of T1 steps from rest to s*, each
     * nudged phase of the plan T2 steps from s*, then {@code Σ_k c_k ∂Φ/∂θ(s_k, β_k)} into the slots.
     */
    private <S extends EpState> BatchStats phases(EnergyModel<S> m, Batch batch, SplittableRandom rng) {
        m.bind(batch);
        S free = m.state(0);
        m.reset(free);
        m.relax(free, 0, t1, rng);
        double[] lc = m.lossAndCorrect(free, null);
        List<Nudge> plan = estimator.plan(beta, rng);
        List<S> ends = new ArrayList<>(plan.size());
        int slot = 1;
        for (Nudge term : plan) {
            if (term.beta() == 0) {
                ends.add(free);
            } else {
                S s = m.state(slot++);
                m.copy(free, s);
                m.relax(s, term.beta(), t2, rng);
                ends.add(s);
            }
        }
        m.accumulatePhiGradient(ends, plan);
        BatchStats stats = new BatchStats(lc[0], (long) lc[1], batch.size());
        List<S> phases = new ArrayList<>(ends.size() + 1);
        phases.add(free);
        for (S s : ends) {
            if (s != free) {
                phases.add(s);
            }
        }
        double saturated = m.saturation(phases);
        return Double.isNaN(saturated) ? stats : stats.with(DivergenceGuard.SATURATION, saturated);
    }

    @Override
    public BatchStats evaluate(Batch batch) {
        return model.evaluateFreePhase(batch, t1, new SplittableRandom(EnergyModel.EVALUATION_SEED));
    }

    /**
     * Predicted classes after a free phase.
     *
     * @param batch samples
     * @return one class per sample
     */
    public int[] predict(Batch batch) {
        return predict(model, batch);
    }

    private <S extends EpState> int[] predict(EnergyModel<S> m, Batch batch) {
        m.bind(batch);
        S s = m.state(0);
        m.reset(s);
        m.relax(s, 0, t1, new SplittableRandom(EnergyModel.EVALUATION_SEED));
        int[] out = new int[batch.size()];
        m.lossAndCorrect(s, out);
        return out;
    }

    /** Multiply-adds per training sample: steps × coupling work (input projection and gradient excluded). */
    public long relaxationMacsPerSample() {
        return model.stepMacsPerRow() * (t1 + (long) estimator.nudgedPhases() * t2);
    }

    @Override
    public String describe() {
        return "EP(" + estimator + ", T1=" + t1 + ", T2=" + t2 + ", β=" + beta + ") " + model.describe();
    }

    @Override
    public String toString() {
        return describe();
    }
}
