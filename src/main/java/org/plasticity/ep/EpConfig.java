package org.plasticity.ep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.model.Activation;
import org.plasticity.ep.model.Architecture;
import org.plasticity.ep.model.CouplingSpec;
import org.plasticity.ep.model.Dynamics;
import org.plasticity.ep.model.Loss;
import org.plasticity.ep.model.NetworkConfig;
import org.plasticity.ep.model.WeightInit;

/**
 * Everything that defines an equilibrium-propagation learner: the network ({@link #network()}) and the
 * phases, β and estimator of the learner (not the optimizer, which belongs to the
 * {@link org.plasticity.train.Trainer}). Immutable; {@code withX} returns a copy.
 *
 * @param architecture layers
 * @param activation ρ of the hidden layers
 * @param outputActivation ρ of the output layer (identity for {@link Loss#CROSS_ENTROPY} on raw outputs)
 * @param dynamics prototypical or energy-based relaxation
 * @param t1 free-phase steps T1
 * @param t2 steps of each nudged phase T2
 * @param beta nudge strength |β| (the estimator chooses the signs)
 * @param estimator one-sided, symmetric or random-sign
 * @param loss output cost
 * @param layerLrScales learning-rate multiplier per connection (input side first, read-out last);
 *     empty = all 1. Multiplied by the optimizer's base rate: with {@code Sgd.of(1.0)} they are the
 *     absolute per-layer rates of the papers.
 * @param init weight initialisation
 * @param initScale multiplier on the initial weights and biases (the reference code's {@code --scale})
 * @param couplings skip couplings added to the neighbouring-layer chain (empty: the plain layered stack)
 */
public record EpConfig(Architecture architecture, Activation activation, Activation outputActivation, Dynamics dynamics,
        int t1, int t2, double beta, Estimator estimator, Loss loss, double[] layerLrScales, WeightInit init,
        double initScale, List<CouplingSpec> couplings) {

    /** Validates (the network part through {@link NetworkConfig}). */
    public EpConfig {
        if (estimator == null) {
            throw new IllegalArgumentException("EP config fields must not be null");
        }
        if (t1 < 1 || t2 < 1) {
            throw new IllegalArgumentException("T1 and T2 must be ≥ 1, got T1=" + t1 + ", T2=" + t2);
        }
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("β must be finite and > 0 (the estimator sets the sign), got " + beta);
        }
        layerLrScales = layerLrScales == null ? new double[0] : layerLrScales.clone();
        couplings = couplings == null ? List.of() : List.copyOf(couplings);
        new NetworkConfig(architecture, activation, outputActivation, dynamics, loss, layerLrScales, init, initScale, couplings);
    }

    /** A configuration of the plain layered stack (no skip couplings). */
    public EpConfig(Architecture architecture, Activation activation, Activation outputActivation, Dynamics dynamics,
            int t1, int t2, double beta, Estimator estimator, Loss loss, double[] layerLrScales, WeightInit init,
            double initScale) {
        this(architecture, activation, outputActivation, dynamics, t1, t2, beta, estimator, loss, layerLrScales, init, initScale,
                List.of());
    }

    /**
     * The network's share of this configuration: everything but the phases, β and the estimator, which
     * go to the learner alone.
     */
    public NetworkConfig network() {
        return new NetworkConfig(architecture, activation, outputActivation, dynamics, loss, layerLrScales, init, initScale,
                couplings);
    }

    /** Per-connection learning-rate multipliers (a copy). */
    @Override
    public double[] layerLrScales() {
        return layerLrScales.clone();
    }

    /** Number of connections (conv + dense, the read-out included). */
    public int connections() {
        return architecture.conv().size() + architecture.dense().length;
    }

    /** Learning-rate multiplier of connection {@code i}. */
    public double lrScale(int i) {
        return layerLrScales.length == 0 ? 1.0 : layerLrScales[i];
    }

    /** Copy with another architecture. */
    public EpConfig withArchitecture(Architecture v) {
        return new EpConfig(v, activation, outputActivation, dynamics, t1, t2, beta, estimator, loss, layerLrScales, init, initScale, couplings);
    }

    /** Copy with hidden and output activation ρ (identity output kept for raw cross-entropy). */
    public EpConfig withActivation(Activation v) {
        Activation out = loss == Loss.CROSS_ENTROPY ? outputActivation : v;
        return new EpConfig(architecture, v, out, dynamics, t1, t2, beta, estimator, loss, layerLrScales, init, initScale, couplings);
    }

    /** Copy with another output activation. */
    public EpConfig withOutputActivation(Activation v) {
        return new EpConfig(architecture, activation, v, dynamics, t1, t2, beta, estimator, loss, layerLrScales, init, initScale, couplings);
    }

    /** Copy with other dynamics. */
    public EpConfig withDynamics(Dynamics v) {
        return new EpConfig(architecture, activation, outputActivation, v, t1, t2, beta, estimator, loss, layerLrScales, init, initScale, couplings);
    }

    /** Copy with T1. */
    public EpConfig withT1(int v) {
        return new EpConfig(architecture, activation, outputActivation, dynamics, v, t2, beta, estimator, loss, layerLrScales, init, initScale, couplings);
    }

    /** Copy with T2. */
    public EpConfig withT2(int v) {
        return new EpConfig(architecture, activation, outputActivation, dynamics, t1, v, beta, estimator, loss, layerLrScales, init, initScale, couplings);
    }

    /** Copy with |β|. */
    public EpConfig withBeta(double v) {
        return new EpConfig(architecture, activation, outputActivation, dynamics, t1, t2, v, estimator, loss, layerLrScales, init, initScale, couplings);
    }

    /** Copy with another estimator. */
    public EpConfig withEstimator(Estimator v) {
        return new EpConfig(architecture, activation, outputActivation, dynamics, t1, t2, beta, v, loss, layerLrScales, init, initScale, couplings);
    }

    /** Copy with another loss; {@link Loss#CROSS_ENTROPY} switches the output activation to identity. */
    public EpConfig withLoss(Loss v) {
        Activation out = v == Loss.CROSS_ENTROPY ? Activation.IDENTITY
                : outputActivation == Activation.IDENTITY && activation != Activation.IDENTITY ? activation : outputActivation;
        return new EpConfig(architecture, activation, out, dynamics, t1, t2, beta, estimator, v, layerLrScales, init, initScale, couplings);
    }

    /** Copy with per-connection learning-rate multipliers. */
    public EpConfig withLayerLrScales(double... v) {
        return new EpConfig(architecture, activation, outputActivation, dynamics, t1, t2, beta, estimator, loss, v, init, initScale, couplings);
    }

    /** Copy with another initialisation. */
    public EpConfig withInit(WeightInit v, double scale) {
        return new EpConfig(architecture, activation, outputActivation, dynamics, t1, t2, beta, estimator, loss, layerLrScales, v, scale, couplings);
    }

    /** Copy with one more skip coupling (see {@link CouplingSpec}). */
    public EpConfig withCoupling(CouplingSpec c) {
        List<CouplingSpec> cs = new ArrayList<>(couplings);
        cs.add(c);
        return new EpConfig(architecture, activation, outputActivation, dynamics, t1, t2, beta, estimator, loss, layerLrScales,
                init, initScale, cs);
    }

    @Override
    public String toString() {
        return "EP[" + architecture + ", ρ=" + activation + (outputActivation != activation ? "/out " + outputActivation : "")
                + ", " + dynamics + ", T1=" + t1 + ", T2=" + t2 + ", β=" + beta + ", " + estimator + ", " + loss
                + (layerLrScales.length == 0 ? "" : ", lr×" + Arrays.toString(layerLrScales))
                + ", init=" + init + (initScale == 1 ? "" : "×" + initScale) + (couplings.isEmpty() ? "" : ", skip" + couplings)
                + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EpConfig c && toString().equals(c.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
