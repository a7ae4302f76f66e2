package org.plasticity.data.encode;

/**
 * Constants of the event-stream stand-in for DVS128 Gesture (which is not obtainable here).
 * Defaults: 32×32 canvas and 2 polarities (the usual DVS-Gesture downsampling, spec ep-family.md
 * §3.2 "DVS 3C"), 20 time bins (the paper uses 60; set {@link #withFrames}), log-intensity
 * contrast threshold 0.2 (a typical DVS emulator value).
 *
 * @param frames time bins per sample
 * @param size canvas width and height in pixels (≥ 28)
 * @param maxSpeed maximum speed of the digit in pixels per bin (direction uniform)
 * @param maxRotation maximum rotation speed in radians per bin (uniform in ±maxRotation)
 * @param contrastThreshold log-intensity change that triggers one event
 * @param seed seed of the trajectories
 */
public record EventStreamConfig(int frames, int size, double maxSpeed, double maxRotation, double contrastThreshold, long seed) {

    /** Offset inside the logarithm, {@code ln(I + LOG_EPS)}, so that black pixels have a finite log. */
    public static final double LOG_EPS = 0.05;

    /** Validates ranges. */
    public EventStreamConfig {
        if (frames < 2 || size < 28) {
            throw new IllegalArgumentException("need ≥ 2 frames and a canvas ≥ 28 px, got " + frames + ", " + size);
        }
        if (maxSpeed < 0 || maxRotation < 0 || !(contrastThreshold > 0)) {
            throw new IllegalArgumentException("speeds must be ≥ 0 and the contrast threshold > 0");
        }
    }

    /** The defaults described above, seed 42. */
    public static EventStreamConfig defaults() {
        return new EventStreamConfig(20, 32, 0.6, 0.05, 0.2, 42L);
    }

    /** A copy with another number of time bins. */
    public EventStreamConfig withFrames(int v) {
        return new EventStreamConfig(v, size, maxSpeed, maxRotation, contrastThreshold, seed);
    }

    /** A copy with another seed. */
    public EventStreamConfig withSeed(long v) {
        return new EventStreamConfig(frames, size, maxSpeed, maxRotation, contrastThreshold, v);
    }

    /** A copy with another maximum speed. */
    public EventStreamConfig withMaxSpeed(double v) {
        return new EventStreamConfig(frames, size, v, maxRotation, contrastThreshold, seed);
    }

    /** A copy with another maximum rotation speed. */
    public EventStreamConfig withMaxRotation(double v) {
        return new EventStreamConfig(frames, size, maxSpeed, v, contrastThreshold, seed);
    }

    @Override
    public String toString() {
        return "EventStreamConfig[" + frames + " bins, " + size + "×" + size + "×2, speed ≤ " + maxSpeed + " px/bin, rotation ≤ "
                + maxRotation + " rad/bin, threshold " + contrastThreshold + ", seed " + seed + "]";
    }
}
