package org.plasticity.train.optim;

/**
 * Maps a parameter's base learning rate and the epoch to the rate used in that epoch.
 * Implementations are immutable values; their {@code toString()} is recorded with each run.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * @param baseRate the parameter's base rate (optimizer rate × layer scale)
     * @param epoch zero-based epoch
     * @return the rate for that epoch
     */
    double rate(double baseRate, int epoch);

    /** The base rate in every epoch. */
    static LearningRateSchedule constant() {
        return Constant.INSTANCE;
    }

    /**
     * Cosine annealing as in PyTorch's {@code CosineAnnealingLR} (used by Laborieux et al. 2021):
     * {@code η_min + (η − η_min)(1 + cos(π·min(epoch, tMax)/tMax))/2}.
     *
     * @param tMax epochs of one half period; later epochs stay at {@code etaMin}
     * @param etaMin the final rate (absolute, shared by all parameter groups)
     */
    static LearningRateSchedule cosine(int tMax, double etaMin) {
        return new Cosine(tMax, etaMin);
    }

    /** See {@link LearningRateSchedule#constant()}. */
    enum Constant implements LearningRateSchedule {
        /** The only instance. */
        INSTANCE;

        @Override
        public double rate(double baseRate, int epoch) {
            return baseRate;
        }

        @Override
        public String toString() {
            return "constant";
        }
    }

    /**
     * See {@link LearningRateSchedule#cosine(int, double)}.
     *
     * @param tMax half period in epochs
     * @param etaMin final rate
     */
    record Cosine(int tMax, double etaMin) implements LearningRateSchedule {
        /** Validates. */
        public Cosine {
            if (tMax < 1 || !(etaMin >= 0)) {
                throw new IllegalArgumentException("cosine schedule needs tMax ≥ 1 and etaMin ≥ 0, got tMax="
                        + tMax + ", etaMin=" + etaMin);
            }
        }

        @Override
        public double rate(double baseRate, int epoch) {
            int t = Math.min(epoch, tMax);
            return etaMin + (baseRate - etaMin) * (1 + Math.cos(Math.PI * t / tMax)) / 2;
        }

        @Override
        public String toString() {
            return "cosine(tMax=" + tMax + ", etaMin=" + etaMin + ")";
        }
    }
}
