package org.plasticity.random;

import java.util.SplittableRandom;

/**
 * Seed derivation: every random stream of a run is a pure function of the run's seed and a path
 * of indices (epoch, batch, purpose), never of time, thread or worker identity. This is what
 * makes "same seed, same result" and exact resume possible.
 */
public final class Seeds {

    /** The default seed of a run when none is given. */
    public static final long DEFAULT = 42L;

    private Seeds() {
    }

    /**
     * A seed derived from {@code seed} and a path of indices (SplitMix64 finaliser per step).
     *
     * @param seed the root seed
     * @param path indices identifying the stream, e.g. {@code (STREAM_SHUFFLE, epoch)}
     * @return a well-mixed derived seed
     */
    public static long derive(long seed, long... path) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long p : path) {
            h = mix(h + 0x9E3779B97F4A7C15L * (p + 1));
        }
        return h;
    }

    /** A random stream for the given path. */
    public static SplittableRandom stream(long seed, long... path) {
        return new SplittableRandom(derive(seed, path));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Path tag of the per-epoch shuffle stream. */
    public static final long SHUFFLE = 1;
    /** Path tag of the per-batch learner stream. */
    public static final long STEP = 2;
    /** Path tag of parameter initialisation. */
    public static final long INIT = 3;
    /** Path tag of data generation (synthetic tasks, per-epoch noise). */
    public static final long DATA = 4;
}
