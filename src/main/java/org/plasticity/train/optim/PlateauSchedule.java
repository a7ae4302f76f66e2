package org.plasticity.train.optim;

import java.util.List;
import java.util.Locale;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;

/**
 * Reduce-on-plateau (PyTorch's {@code ReduceLROnPlateau}, mode min, relative threshold 1e-4, no cooldown): after
 * {@code patience} epochs without improvement of a history metric the rate is multiplied by {@code factor}. The one
 * schedule that depends on the run's history rather than on the epoch alone: its scale is a pure function of the
 * session's history, rebuilt from it when training begins (so a resumed run continues exactly) and advanced after
 * every epoch. Register the same instance as the optimizer's schedule and as a listener:
 * <pre>{@code
 * PlateauSchedule p = PlateauSchedule.of(2, 0.5, "train.loss");
 * Trainer.create().optimizer(Adam.of(1e-3).withSchedule(p)).listener(p);
 * }</pre>
 * One instance per run (it holds that run's scale).
 */
public final class PlateauSchedule implements LearningRateSchedule, TrainingListener {

    private final int patience;
    private final double factor;
    private final String metric;
    private boolean attached;
    private double scale = 1;
    private double best = Double.POSITIVE_INFINITY;
    private int bad;

    private PlateauSchedule(int patience, double factor, String metric) {
        if (patience < 0 || !(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("need patience ≥ 0 and 0 < factor < 1, got " + patience + ", " + factor);
        }
        this.patience = patience;
        this.factor = factor;
        this.metric = metric;
    }

    /**
     * @param patience epochs without improvement before a reduction
     * @param factor multiplier per reduction, in (0, 1)
     * @param metric the {@link EpochMetrics#metric} key to minimise, e.g. {@code train.loss}
     * @return a fresh schedule (for one run)
     */
    public static PlateauSchedule of(int patience, double factor, String metric) {
        return new PlateauSchedule(patience, factor, metric);
    }

    @Override
    public double rate(double baseRate, int epoch) {
        if (!attached) {
            throw new IllegalStateException(this + " is not registered as a training listener: add it with"
                    + " Trainer.listener(schedule) as well, or its rate never drops");
        }
        return baseRate * scale;
    }

    /** The current multiplier of the base rate. */
    public double scale() {
        return scale;
    }

    @Override
    public void onTrainingBegin(TrainingSession session) {
        attached = true;
        scale = 1;
        best = Double.POSITIVE_INFINITY;
        bad = 0;
        List<EpochMetrics> h = session.history();
        h.forEach(this::advance);
    }

    @Override
    public void onEpochEnd(TrainingSession session, EpochMetrics m) {
        advance(m);
    }

    private void advance(EpochMetrics m) {
        double v = m.metric(metric);
        if (Double.isNaN(v)) {
            throw new IllegalStateException(this + ": the run's history has no metric '" + metric + "'");
        }
        if (v < best * (1 - 1e-4)) {
            best = v;
            bad = 0;
        } else if (++bad > patience) {
            scale *= factor;
            bad = 0;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "plateau(patience=%d, factor=%s, on %s)", patience, factor, metric);
    }
}
