package org.plasticity.data.encode;

import org.plasticity.data.Batch;

/**
 * Latency (time-to-first-spike) coding: each feature spikes at most once; brighter values spike
 * earlier. Deterministic. Two time maps:
 * <ul>
 *   <li>{@link Mode#LINEAR}: {@code t = round((1 − x) · (steps − 1))};</li>
 *   <li>{@link Mode#RC}: the charging time of an RC circuit driven by {@code x} up to a threshold,
 *       {@code t = τ · ln(x / (x − θ))} (clipped to the last step), as in common SNN toolkits.</li>
 * </ul>
 * Values {@code x ≤ threshold} never spike.
 *
 * @param steps number of time steps
 * @param threshold values at or below it emit no spike (θ of the RC map)
 * @param mode linear or RC time map
 * @param tau RC time constant in steps (used by {@link Mode#RC})
 */
public record LatencyEncoder(int steps, double threshold, Mode mode, double tau) {

    /** How values map to spike times. */
    public enum Mode {
        /** Linear in the value. */
        LINEAR,
        /** Logarithmic RC charging time. */
        RC
    }

    /** Validates the parameters. */
    public LatencyEncoder {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be ≥ 1, got " + steps);
        }
        if (threshold < 0 || threshold >= 1) {
            throw new IllegalArgumentException("threshold must lie in [0, 1), got " + threshold);
        }
        if (mode == null || !(tau > 0)) {
            throw new IllegalArgumentException("mode must be set and tau > 0");
        }
    }

    /** Linear latency coding over {@code steps} steps, threshold 0.01. */
    public static LatencyEncoder linear(int steps) {
        return new LatencyEncoder(steps, 0.01, Mode.LINEAR, 1.0);
    }

    /**
     * RC latency coding with time constant {@code tau} steps and threshold 0.2 (a lower threshold
     * compresses all times towards 0: with θ = 0.01 every value above 0.2 spikes at step 0 for τ ≤ 5).
     */
    public static LatencyEncoder rc(int steps, double tau) {
        return new LatencyEncoder(steps, 0.2, Mode.RC, tau);
    }

    /** A copy with another threshold. */
    public LatencyEncoder withThreshold(double v) {
        return new LatencyEncoder(steps, v, mode, tau);
    }

    /** The spike step of value {@code x}, or −1 for no spike. */
    public int spikeTime(float x) {
        double v = Math.min(1.0, x);
        if (v <= threshold) {
            return -1;
        }
        double t = mode == Mode.LINEAR ? (1 - v) * (steps - 1) : tau * Math.log(v / (v - threshold));
        return (int) Math.min(steps - 1, Math.round(t));
    }

    /**
     * Encodes a batch into 0/1 spikes, time-major: {@code out[(t · size + i) · featureCount + j]}.
     * The destination is cleared first.
     */
    public void encode(Batch batch, float[] out) {
        int n = batch.size() * batch.featureCount();
        if (out.length < (long) steps * n) {
            throw new IllegalArgumentException("output holds " + out.length + " values, needs " + (long) steps * n);
        }
        java.util.Arrays.fill(out, 0, steps * n, 0f);
        float[] x = batch.features();
        for (int k = 0; k < n; k++) {
            int t = spikeTime(x[k]);
            if (t >= 0) {
                out[t * n + k] = 1f;
            }
        }
    }

    /** Same as {@link #encode(Batch, float[])} into a new array. */
    public float[] encode(Batch batch) {
        float[] out = new float[steps * batch.size() * batch.featureCount()];
        encode(batch, out);
        return out;
    }

    @Override
    public String toString() {
        return "LatencyEncoder[" + steps + " steps, " + mode + ", threshold " + threshold + (mode == Mode.RC ? ", tau " + tau : "") + "]";
    }
}
