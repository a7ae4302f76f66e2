package org.plasticity.train.listeners;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.plasticity.train.BatchStats;
import org.plasticity.train.DivergenceException;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;

/**
 * Stops a run that is diverging or stuck while its numbers are still finite (the {@link NanGuard} only sees NaN and
 * infinity): a learning rate of 10⁶ on EP drives the weights to ~10⁴, saturates every sigmoid and ends at chance
 * accuracy without a single non-finite value. Installed by the {@link org.plasticity.train.Trainer} on every run
 * (configure or switch off with {@code Trainer.divergenceGuard(...)}); works for every learner family:
 * <ul>
 *   <li><b>parameter growth</b> (every batch): the RMS of a parameter tensor exceeds {@code maxGrowth} times its
 *       initial RMS (at least {@code minScale}, for zero-initialised tensors);</li>
 *   <li><b>saturation</b> (every epoch): a learner that reports the named metric {@value #SATURATION} (per
 *       sample: the fraction of saturated units as the learner defines it, summed over the batch with
 *       {@link BatchStats#with}; EP counts the hidden units pinned at a bound of ρ through all of a batch's phases,
 *       not the outputs, which sit at the bounds in a healthy near-one-hot classifier) has a training mean above
 *       {@code maxSaturation};</li>
 *   <li><b>no progress</b> (every epoch): the training loss has not gone below the first epoch's for
 *       {@code stallEpochs} epochs while the parameters keep changing.</li>
 * </ul>
 * Each error names the run, where it happened, what was seen and the hyper-parameter to lower (the learning rate,
 * with its current value). The checks run before the optimizer applies the batch's update.
 *
 * @param maxGrowth limit on a parameter's RMS relative to its initial RMS (≤ 0: off)
 * @param minScale floor of the initial RMS used for that ratio
 * @param maxSaturation limit on the mean {@value #SATURATION} metric (≥ 1: off)
 * @param stallEpochs epochs without a training loss below the first epoch's (0: off)
 */
public record DivergenceGuard(double maxGrowth, double minScale, double maxSaturation, int stallEpochs) {

    /** The named metric a learner reports for saturation (per sample, in [0, 1]). */
    public static final String SATURATION = "saturation";

    /** Validates. */
    public DivergenceGuard {
        if (!(minScale > 0) || Double.isNaN(maxGrowth) || Double.isNaN(maxSaturation) || stallEpochs < 0) {
            throw new IllegalArgumentException("DivergenceGuard needs minScale > 0, non-NaN limits and stallEpochs ≥ 0");
        }
    }

    /** Growth 1000× (floor 0.1), saturation 0.99, no progress in 5 epochs: far from any healthy run. */
    public static DivergenceGuard defaults() {
        return new DivergenceGuard(1000, 0.1, 0.99, 5);
    }

    /** Every check off. */
    public static DivergenceGuard off() {
        return new DivergenceGuard(0, 0.1, 1, 0);
    }

    /** A copy with another growth limit (≤ 0: off). */
    public DivergenceGuard withMaxGrowth(double v) {
        return new DivergenceGuard(v, minScale, maxSaturation, stallEpochs);
    }

    /** A copy with another saturation limit (≥ 1: off). */
    public DivergenceGuard withMaxSaturation(double v) {
        return new DivergenceGuard(maxGrowth, minScale, v, stallEpochs);
    }

    /** A copy with another no-progress patience (0: off). */
    public DivergenceGuard withStallEpochs(int v) {
        return new DivergenceGuard(maxGrowth, minScale, maxSaturation, v);
    }

    /** The per-run state of the guard: a listener instance for one {@code fit}. */
    public TrainingListener forRun() {
        return new Run(this);
    }

    private static final class Run implements TrainingListener {
        private final DivergenceGuard g;
        private final Map<String, Double> initialRms = new HashMap<>();
        private double firstLoss = Double.NaN;
        private int epochsWithoutProgress;
        private double[] lastSnapshot;

        Run(DivergenceGuard g) {
            this.g = g;
        }

        @Override
        public void onTrainingBegin(TrainingSession session) {
            for (Parameter p : session.learner().parameters()) {
                initialRms.put(p.name(), rms(p.value()));
            }
            if (!session.history().isEmpty()) {
                firstLoss = session.history().get(0).trainLoss(); // resumed run: compare with the run's first epoch
            }
        }

        @Override
        public void onBatchEnd(TrainingSession session, StepContext ctx, BatchStats stats) {
            if (g.maxGrowth <= 0) {
                return;
            }
            for (Parameter p : session.learner().parameters()) {
                double r = rms(p.value());
                double base = Math.max(g.minScale, initialRms.getOrDefault(p.name(), 0.0));
                if (r > g.maxGrowth * base) {
                    throw new DivergenceException(String.format(Locale.ROOT,
                            "training diverged at epoch %d, batch %d of %s: parameter %s has RMS %.4g, %.3g× its"
                                    + " initial %.3g (limit %.0f×); the updates are far too large. %s",
                            ctx.epoch() + 1, ctx.batch(), session.name(), p.name(), r, r / base,
                            initialRms.getOrDefault(p.name(), 0.0), g.maxGrowth, fix(session)));
                }
            }
        }

        @Override
        public void onEpochEnd(TrainingSession session, EpochMetrics m) {
            double sat = m.metric("train." + SATURATION);
            if (g.maxSaturation < 1 && sat > g.maxSaturation) {
                throw new DivergenceException(String.format(Locale.ROOT,
                        "training saturated in epoch %d of %s: %.1f%% of the units are saturated (limit %.1f%%),"
                                + " so the learning signal vanishes. %s",
                        m.epoch(), session.name(), 100 * sat, 100 * g.maxSaturation, fix(session)));
            }
            if (g.stallEpochs == 0) {
                return;
            }
            if (Double.isNaN(firstLoss)) {
                firstLoss = m.trainLoss();
                lastSnapshot = snapshot(session);
                return;
            }
            double[] now = snapshot(session);
            boolean moved = lastSnapshot == null || !java.util.Arrays.equals(now, lastSnapshot);
            lastSnapshot = now;
            epochsWithoutProgress = m.trainLoss() < firstLoss || !moved ? 0 : epochsWithoutProgress + 1;
            if (epochsWithoutProgress >= g.stallEpochs) {
                throw new DivergenceException(String.format(Locale.ROOT,
                        "training is not progressing in %s: the training loss has stayed at or above the first"
                                + " epoch's %.4g for %d epochs (now %.4g) while the parameters keep changing. %s",
                        session.name(), firstLoss, epochsWithoutProgress, m.trainLoss(), fix(session)));
            }
        }

        private static double[] snapshot(TrainingSession session) {
            var ps = session.learner().parameters();
            double[] s = new double[ps.size()];
            for (int i = 0; i < s.length; i++) {
                double sum = 0;
                for (float v : ps.get(i).value()) {
                    sum += v;
                }
                s[i] = sum;
            }
            return s;
        }

        private static String fix(TrainingSession session) {
            return String.format(Locale.ROOT, "Lower the learning rate (now %s, %s), or its layer-wise scales; the"
                    + " guard's limits are set with Trainer.divergenceGuard(DivergenceGuard...).",
                    session.config().optimizer().learningRate(), session.config().optimizer().getClass().getSimpleName());
        }

        private static double rms(float[] a) {
            double s = 0;
            for (float v : a) {
                s += (double) v * v;
            }
            return a.length == 0 ? 0 : Math.sqrt(s / a.length);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DivergenceGuard[growth %s×, saturation %s, stall %d epochs]", maxGrowth,
                maxSaturation, stallEpochs);
    }
}
