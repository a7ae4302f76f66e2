package org.plasticity.notebook;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.plasticity.plot.Charts;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.TrainerConfig;
import org.plasticity.train.TrainingProgress;
import org.plasticity.train.TrainingRun;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Small result objects for renderer tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Table table() {
        return Table.create("scores").addColumns(StringColumn.create("model", new String[] {"a", "b"}),
                DoubleColumn.create("acc", new double[] {0.9, 0.925}));
    }

    static XYChart chart() {
        return Charts.line("curve", "x", "y", "s", new double[] {1, 2}, new double[] {2, 1});
    }

    static List<EpochMetrics> history(int epochs) {
        List<EpochMetrics> h = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            h.add(new EpochMetrics(e, 1.0 / e, 0.6 + 0.1 * e, Double.NaN, Double.NaN, 1.2 / e, 0.55 + 0.1 * e, 0.5));
        }
        return h;
    }

    static TrainingRun run() {
        return new TrainingRun("toy", "model", TrainerConfig.defaults(), history(3), 0, 1.5);
    }

    static TrainingProgress progress(int epochsDone, boolean done) {
        return new TrainingProgress("toy · model", Math.min(3, epochsDone + 1), 3, 5, 10, 0.5, 0.8,
                history(epochsDone), 3.0, done);
    }
}
