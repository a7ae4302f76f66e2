package org.plasticity.data.encode;

import java.util.SplittableRandom;
import org.plasticity.data.Batch;

/**
 * Bernoulli rate coding: at each of {@code steps} time steps, feature value {@code x} (clipped to
 * [0, 1]) emits a spike with probability {@code maxRate · x}, independently across steps and
 * features (the "Bernoulli-encoded input" option of the stochastic spiking EP spec, ep-family.md
 * §3.5 item 1). The expected spike count is {@code steps · maxRate · x}.
 *
 * @param steps number of time steps
 * @param maxRate spike probability of a feature at value 1, in (0, 1]
 */
public record RateEncoder(int steps, double maxRate) {

    /** Validates the parameters. */
    public RateEncoder {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be ≥ 1, got " + steps);
        }
        if (!(maxRate > 0 && maxRate <= 1)) {
            throw new IllegalArgumentException("maxRate must lie in (0, 1], got " + maxRate);
        }
    }

    /** {@code steps} steps at rate 1 (a pixel of value x spikes with probability x). */
    public static RateEncoder of(int steps) {
        return new RateEncoder(steps, 1.0);
    }

    /** A copy with another maximum rate. */
    public RateEncoder withMaxRate(double v) {
        return new RateEncoder(steps, v);
    }

    /**
     * Encodes a batch into 0/1 spikes, time-major: {@code out[(t · size + i) · featureCount + j]}.
     *
     * @param batch the analog batch
     * @param rng the random stream (derive it with {@code Seeds.stream(seed, ...)})
     * @param out destination, length ≥ {@code steps · size · featureCount}
     */
    public void encode(Batch batch, SplittableRandom rng, float[] out) {
        int n = batch.size() * batch.featureCount();
        if (out.length < (long) steps * n) {
            throw new IllegalArgumentException("output holds " + out.length + " values, needs " + (long) steps * n);
        }
        float[] x = batch.features();
        for (int t = 0; t < steps; t++) {
            int base = t * n;
            for (int k = 0; k < n; k++) {
                double p = maxRate * Math.max(0f, Math.min(1f, x[k]));
                out[base + k] = rng.nextDouble() < p ? 1f : 0f;
            }
        }
    }

    /** Same as {@link #encode(Batch, SplittableRandom, float[])} into a new array. */
    public float[] encode(Batch batch, SplittableRandom rng) {
        float[] out = new float[steps * batch.size() * batch.featureCount()];
        encode(batch, rng, out);
        return out;
    }

    @Override
    public String toString() {
        return "RateEncoder[" + steps + " steps, max rate " + maxRate + "]";
    }
}
