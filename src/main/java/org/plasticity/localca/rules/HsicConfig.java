package org.plasticity.localca.rules;

import java.util.Locale;

/**
 * HSIC auxiliary objectives (paper Appendix E, Eqs. 29–30) added to the compartment errors of every
 * layer. Defaults follow the authors' context-gating headline (spec §1.3): RBF kernel σ = 1, self
 * weight 0.3, target weight 0.3, per-element clip 0.1, 5 warm-up epochs; {@code weight} 0 = off.
 *
 * @param weight overall weight (0 disables HSIC; 0.01 in the context-gating headline)
 * @param selfWeight weight of the self-decorrelation loss L_self (Eq. 29)
 * @param targetWeight weight of the target-correlation loss L_target (Eq. 30)
 * @param kernel linear or RBF
 * @param sigma RBF bandwidth
 * @param clip per-element clip of the HSIC error term
 * @param warmupEpochs the weight ramps linearly from 0 over this many epochs
 */
public record HsicConfig(double weight, double selfWeight, double targetWeight, HsicKernel kernel, double sigma,
        double clip, int warmupEpochs) {

    /** Validates. */
    public HsicConfig {
        if (!(weight >= 0) || !(selfWeight >= 0) || !(targetWeight >= 0) || !(sigma > 0) || !(clip > 0)
                || warmupEpochs < 0 || kernel == null) {
            throw new IllegalArgumentException("HSIC needs weights ≥ 0, sigma > 0, clip > 0, warmupEpochs ≥ 0, a kernel; "
                    + "got weight=" + weight + " self=" + selfWeight + " target=" + targetWeight + " sigma=" + sigma
                    + " clip=" + clip + " warmup=" + warmupEpochs);
        }
    }

    /** HSIC off. */
    public static HsicConfig off() {
        return new HsicConfig(0, 0.3, 0.3, HsicKernel.RBF, 1.0, 0.1, 5);
    }

    /** The authors' settings with overall weight {@code w}. */
    public static HsicConfig of(double w) {
        return off().withWeight(w);
    }

    /** Copy with another overall weight. */
    public HsicConfig withWeight(double w) {
        return new HsicConfig(w, selfWeight, targetWeight, kernel, sigma, clip, warmupEpochs);
    }

    /** Copy with another kernel. */
    public HsicConfig withKernel(HsicKernel k) {
        return new HsicConfig(weight, selfWeight, targetWeight, k, sigma, clip, warmupEpochs);
    }

    /** Copy with another warm-up. */
    public HsicConfig withWarmupEpochs(int n) {
        return new HsicConfig(weight, selfWeight, targetWeight, kernel, sigma, clip, n);
    }

    /** Whether HSIC is on. */
    public boolean enabled() {
        return weight > 0 && (selfWeight > 0 || targetWeight > 0);
    }

    /** The effective weight in an epoch (linear warm-up). */
    public double weightAt(int epoch) {
        if (warmupEpochs == 0) {
            return weight;
        }
        return weight * Math.min(1.0, (double) epoch / warmupEpochs);
    }

    @Override
    public String toString() {
        return enabled() ? String.format(Locale.ROOT, "hsic %s w=%s self=%s target=%s clip=%s warmup=%d",
                kernel.name().toLowerCase(Locale.ROOT), weight, selfWeight, targetWeight, clip, warmupEpochs) : "hsic off";
    }
}
