package org.plasticity.localca;

import java.util.Locale;
import org.plasticity.localca.model.ParameterGroup;
import org.plasticity.train.optim.Adam;

/**
 * Per-group Adam learning rates of the authors' configs (spec §1.2): synapses ("topk"),
 * dendritic conductances ("blocklinear"), reactivation and decoder. The shared {@code Adam} runs
 * at the synapse rate; every other group gets {@code Parameter.lrScale = rate / synapse}.
 *
 * @param synapse rate of the E and I synaptic θ
 * @param dendritic rate of the log dendritic conductances
 * @param reactivation rate of log m, log b
 * @param decoder rate of the decoder
 * @param clipValue element-wise gradient clip (clip_grad_value; 0 = none)
 */
public record LearningRates(double synapse, double dendritic, double reactivation, double decoder, double clipValue) {

    /** Validates. */
    public LearningRates {
        for (double r : new double[] {synapse, dendritic, reactivation, decoder}) {
            if (!(r >= 0) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("learning rates must be finite and ≥ 0, got " + this0(synapse,
                        dendritic, reactivation, decoder));
            }
        }
        if (!(synapse > 0)) {
            throw new IllegalArgumentException("the synapse rate is Adam's base rate and must be > 0, got " + synapse);
        }
        if (!(clipValue >= 0)) {
            throw new IllegalArgumentException("clipValue must be ≥ 0, got " + clipValue);
        }
    }

    private static String this0(double a, double b, double c, double d) {
        return a + " / " + b + " / " + c + " / " + d;
    }

    /** Local-rule headline rates: 1.5e-3 / 7e-4 / 5e-4 / 1.5e-3, clip 5. */
    public static LearningRates local() {
        return new LearningRates(1.5e-3, 7e-4, 5e-4, 1.5e-3, 5.0);
    }

    /** Backprop (capacity-ceiling) rates: 1e-3 / 5e-4 / 5e-4 / 1e-3, clip 5. */
    public static LearningRates backprop() {
        return new LearningRates(1e-3, 5e-4, 5e-4, 1e-3, 5.0);
    }

    /** Sandbox (paper Table 4) rates: 2e-3 / 1e-3 / 1e-3 / 2e-3, clip 5. */
    public static LearningRates sandbox() {
        return new LearningRates(2e-3, 1e-3, 1e-3, 2e-3, 5.0);
    }

    /** The rate of a group. */
    public double rate(ParameterGroup g) {
        return switch (g) {
            case EXCITATORY_SYNAPSE, INHIBITORY_SYNAPSE -> synapse;
            case DENDRITIC_CONDUCTANCE -> dendritic;
            case REACTIVATION -> reactivation;
            case DECODER -> decoder;
        };
    }

    /** {@code Parameter.lrScale} of a group: its rate over the synapse rate. */
    public double scale(ParameterGroup g) {
        return rate(g) / synapse;
    }

    /** The optimizer: Adam at the synapse rate with the value clip. */
    public Adam optimizer() {
        Adam a = Adam.of(synapse);
        return clipValue > 0 ? a.withClipValue(clipValue) : a;
    }

    /** Copy with every rate multiplied by {@code f}. */
    public LearningRates times(double f) {
        return new LearningRates(synapse * f, dendritic * f, reactivation * f, decoder * f, clipValue);
    }

    /** Copy with another decoder rate. */
    public LearningRates withDecoder(double v) {
        return new LearningRates(synapse, dendritic, reactivation, v, clipValue);
    }

    /** Copy with another clip value. */
    public LearningRates withClipValue(double v) {
        return new LearningRates(synapse, dendritic, reactivation, decoder, v);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "lr syn %.2g den %.2g react %.2g dec %.2g clip %s", synapse, dendritic,
                reactivation, decoder, clipValue);
    }
}
