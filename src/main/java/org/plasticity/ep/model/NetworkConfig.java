package org.plasticity.ep.model;

import java.util.Arrays;
import java.util.List;

/**
 * Everything that defines a {@link LayeredNetwork} (not the learner: phases, β and the estimator belong
 * to {@link org.plasticity.ep.estimator.EquilibriumPropagation}). Immutable.
 *
 * @param architecture layers
 * @param activation ρ of the hidden layers
 * @param outputActivation ρ of the output layer (identity for {@link Loss#CROSS_ENTROPY} on raw outputs)
 * @param dynamics prototypical or energy-based relaxation
 * @param loss output cost
 * @param layerLrScales learning-rate multiplier per connection (input side first, read-out last);
 *     empty = all 1
 * @param init weight initialisation
 * @param initScale multiplier on the initial weights and biases (the reference code's {@code --scale})
 * @param couplings skip couplings added to the architecture's neighbouring-layer chain (may be empty)
 */
public record NetworkConfig(Architecture architecture, Activation activation, Activation outputActivation, Dynamics dynamics,
        Loss loss, double[] layerLrScales, WeightInit init, double initScale, List<CouplingSpec> couplings) {

    /** Validates. */
    public NetworkConfig {
        if (architecture == null || activation == null || outputActivation == null || dynamics == null || loss == null
                || init == null) {
            throw new IllegalArgumentException("network config fields must not be null");
        }
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("initScale must be finite and > 0, got " + initScale);
        }
        layerLrScales = layerLrScales == null ? new double[0] : layerLrScales.clone();
        int connections = architecture.conv().size() + architecture.dense().length;
        if (layerLrScales.length != 0 && layerLrScales.length != connections) {
            throw new IllegalArgumentException("give one learning rate per connection (" + connections + " for "
                    + architecture + "), got " + layerLrScales.length);
        }
        for (double s : layerLrScales) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("layer learning rates must be finite and ≥ 0, got "
                        + Arrays.toString(layerLrScales));
            }
        }
        if (loss == Loss.SOFTMAX_READOUT && architecture.dense().length + architecture.conv().size() < 2) {
            throw new IllegalArgumentException("the softmax read-out needs at least one layer before the output");
        }
        couplings = couplings == null ? List.of() : List.copyOf(couplings);
        int top = connections - (loss == Loss.SOFTMAX_READOUT ? 1 : 0);
        for (CouplingSpec c : couplings) {
            if (c.to() > top) {
                throw new IllegalArgumentException("skip coupling " + c + " reaches past the last dynamical layer " + top
                        + " of " + architecture + (loss == Loss.SOFTMAX_READOUT ? " (the softmax read-out is not a layer of Φ)" : ""));
            }
        }
        if (couplings.stream().map(CouplingSpec::name).distinct().count() != couplings.size()) {
            throw new IllegalArgumentException("each pair of layers may have one skip coupling, got " + couplings);
        }
        if (dynamics instanceof Dynamics.EnergyBased && !architecture.conv().isEmpty()) {
            throw new IllegalArgumentException("energy-based dynamics are implemented for dense networks only; "
                    + "use Dynamics.prototypical() with conv layers");
        }
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

    /** Number of dynamical layers (hidden layers, plus the output layer unless it is a read-out). */
    public int dynamicLayers() {
        return connections() - (loss == Loss.SOFTMAX_READOUT ? 1 : 0);
    }

    /** Learning-rate multiplier of connection {@code i}. */
    public double lrScale(int i) {
        return layerLrScales.length == 0 ? 1.0 : layerLrScales[i];
    }

    @Override
    public String toString() {
        return "EP[" + architecture + ", ρ=" + activation + (outputActivation != activation ? "/out " + outputActivation : "")
                + ", " + dynamics + ", " + loss + (layerLrScales.length == 0 ? "" : ", lr×" + Arrays.toString(layerLrScales))
                + ", init=" + init + (initScale == 1 ? "" : "×" + initScale) + (couplings.isEmpty() ? "" : ", skip" + couplings)
                + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkConfig c && toString().equals(c.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
