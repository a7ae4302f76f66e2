package org.plasticity.ep.spiking;

import java.util.Arrays;
import java.util.Locale;

/**
 * The paper's energy estimate (§5.1, eq. 16): operation counts of a full-precision network (multiply-accumulates,
 * 4.6 pJ each) against the same architecture with spikes (accumulates, 0.9 pJ each, only where a spike arrives:
 * {@code AC_i = IFR_i · MAC_i}, IFR_i the mean firing rate of layer i), both directions counted alike.
 *
 * <pre>
 *   MAC_i = C_in K_H K_W C_out O_H O_W   (convolution)      MAC_i = I_F O_F   (linear)
 *   E_fp  = 4.6 pJ · Σ_i MAC_i(fp)       E_snn = 0.9 pJ · Σ_i IFR_i · MAC_i(snn)
 * </pre>
 * The paper counts the spiking net with its inflated output (e.g. 700 output neurons) and the full-precision net
 * with 10; counting both directions doubles both sums and leaves the ratio unchanged.
 */
public final class SpikingEnergy {

    /** Energy of one multiply-accumulate, pJ (Han et al. 2015, as the paper). */
    public static final double MAC_PJ = 4.6;
    /** Energy of one accumulate, pJ. */
    public static final double AC_PJ = 0.9;

    private SpikingEnergy() {
    }

    /** MACs of a linear layer {@code in → out}. */
    public static long dense(int in, int out) {
        return (long) in * out;
    }

    /** MACs of a convolution with output size {@code oh × ow}. */
    public static long conv(int cin, int cout, int kh, int kw, int oh, int ow) {
        return (long) cin * kh * kw * cout * oh * ow;
    }

    /**
     * Energy of the full-precision network over that of the spiking one.
     *
     * @param fullPrecision MACs per layer of the full-precision network
     * @param spiking MACs per layer of the spiking network (its inflated output)
     * @param rates mean firing rate per layer IFR_i
     * @return {@code E_fp / E_snn}
     */
    public static double ratio(long[] fullPrecision, long[] spiking, double[] rates) {
        if (fullPrecision.length != spiking.length || spiking.length != rates.length || rates.length == 0) {
            throw new IllegalArgumentException("one MAC count and one rate per layer: " + fullPrecision.length + ", "
                    + spiking.length + ", " + rates.length);
        }
        double fp = 0;
        double snn = 0;
        for (int i = 0; i < rates.length; i++) {
            if (!(rates[i] >= 0 && rates[i] <= 1)) {
                throw new IllegalArgumentException("firing rates are in [0, 1], got " + Arrays.toString(rates));
            }
            fp += fullPrecision[i];
            snn += rates[i] * spiking[i];
        }
        return MAC_PJ * fp / (AC_PJ * snn);
    }

    /** MACs per layer of a fully connected net {@code sizes[0] → sizes[1] → …} (linear layers only). */
    public static long[] denseNet(int... sizes) {
        long[] m = new long[sizes.length - 1];
        for (int i = 0; i + 1 < sizes.length; i++) {
            m[i] = dense(sizes[i], sizes[i + 1]);
        }
        return m;
    }

    /**
     * MNIST 2C of the paper (appendix D): conv 1→64 k5 p1 on 28×28 (26×26 out), 3×3/3 max-pool to 8×8, conv 64→128
     * k5 p1 (6×6 out), pool to 2×2, linear 512 → {@code outputs}.
     */
    public static long[] mnist2c(int outputs) {
        return new long[] {conv(1, 64, 5, 5, 26, 26), conv(64, 128, 5, 5, 6, 6), dense(128 * 2 * 2, outputs)};
    }

    /** One line: the ratio and its two energies per sample (one direction). */
    public static String describe(long[] fullPrecision, long[] spiking, double[] rates) {
        double fp = MAC_PJ * Arrays.stream(fullPrecision).sum();
        double snn = 0;
        for (int i = 0; i < rates.length; i++) {
            snn += AC_PJ * rates[i] * spiking[i];
        }
        return String.format(Locale.ROOT, "full precision %.3f µJ vs spiking %.3f µJ per sample and direction: %.1f×",
                fp * 1e-6, snn * 1e-6, ratio(fullPrecision, spiking, rates));
    }
}
