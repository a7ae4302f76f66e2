package org.plasticity.localca.fidelity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.plasticity.data.Batch;
import org.plasticity.display.Displayable;
import org.plasticity.localca.LocalRuleLearner;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Records the gradient fidelity over training (paper Fig. 12): at the start and after every
 * {@code every} epochs, on a fixed probe batch.
 *
 * <pre>{@code
 * var fidelity = new FidelityListener(probe, 5);
 * trainer.listener(fidelity).fit(learner, splits);
 * fidelity.table();   // epoch, weighted cosine, scale mismatch, rel L2
 * }</pre>
 */
public final class FidelityListener implements TrainingListener, Displayable {

    /**
     * One measurement.
     *
     * @param epoch completed epochs when measured (0 = initialisation)
     * @param report the measurement
     */
    public record Point(int epoch, FidelityReport report) {
    }

    private final Batch probe;
    private final int every;
    private final List<Point> history = new ArrayList<>();

    /**
     * @param probe the fixed probe batch (copied)
     * @param every measure every this many epochs (≥ 1)
     */
    public FidelityListener(Batch probe, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be ≥ 1, got " + every);
        }
        this.probe = probe.copy();
        this.every = every;
    }

    private static LocalRuleLearner localLearner(TrainingSession s) {
        if (s.learner() instanceof LocalRuleLearner l) {
            return l;
        }
        throw new IllegalArgumentException("FidelityListener needs a LocalRuleLearner, got " + s.learner().describe());
    }

    @Override
    public void onTrainingBegin(TrainingSession session) {
        if (session.epochsDone() == 0) {
            history.add(new Point(0, GradientFidelity.measure(localLearner(session), probe)));
        }
    }

    @Override
    public void onEpochEnd(TrainingSession session, EpochMetrics metrics) {
        if (metrics.epoch() % every == 0) {
            history.add(new Point(metrics.epoch(), GradientFidelity.measure(localLearner(session), probe)));
        }
    }

    /** Measurements so far. */
    public List<Point> history() {
        return Collections.unmodifiableList(history);
    }

    /** One row per measurement. */
    public Table table() {
        Table t = Table.create("gradient fidelity over training");
        t.addColumns(IntColumn.create("epoch", history.stream().mapToInt(Point::epoch).toArray()),
                DoubleColumn.create("weighted_cosine", history.stream().mapToDouble(p -> p.report().weightedCosine())
                        .toArray()),
                DoubleColumn.create("scale_mismatch", history.stream()
                        .mapToDouble(p -> p.report().weightedScaleMismatch()).toArray()),
                DoubleColumn.create("rel_l2", history.stream().mapToDouble(p -> p.report().weightedRelativeL2())
                        .toArray()));
        return t;
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<div><b>Gradient fidelity over training</b><table><tr><th>epoch</th>"
                + "<th>weighted cos</th><th>scale</th><th>rel L2</th></tr>");
        for (Point p : history) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%.3f</td><td>%.3f</td><td>%.3f</td></tr>", p.epoch(),
                    p.report().weightedCosine(), p.report().weightedScaleMismatch(), p.report().weightedRelativeL2()));
        }
        return sb.append("</table></div>").toString();
    }

    @Override
    public String toString() {
        return "FidelityListener[" + history.size() + " points, every " + every + " epochs]";
    }
}
