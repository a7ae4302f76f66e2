package org.plasticity.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.TrainerConfig;
import org.plasticity.train.TrainingRun;

class LearningCurvesTest {

    static TrainingRun run(long seed, boolean validation, int epochs) {
        List<EpochMetrics> h = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            h.add(new EpochMetrics(e, 1.0 / e, 0.5 + 0.05 * e, validation ? 0.9 / e : Double.NaN,
                    validation ? 0.45 + 0.05 * e : Double.NaN, 1.1 / e, 0.4 + 0.05 * e, 1.0));
        }
        return new TrainingRun("toy", "model", TrainerConfig.defaults().withSeed(seed), h, 0, epochs);
    }

    @Test
    void oneRunHasTrainAndTestInPercentAndSkipsTheMissingValidationSplit() {
        XYChart c = Charts.learningCurves(run(1, false, 4));
        assertEquals(Set.of("train", "test"), c.getSeriesMap().keySet());
        double[] y = c.getSeriesMap().get("test").getYData();
        assertEquals(45.0, y[0], 1e-9);
        assertEquals("epoch", c.getXAxisTitle());
        assertTrue(c.getTitle().contains("model"));
    }

    @Test
    void severalRunsOfOneModelAreLabelledBySeed() {
        XYChart c = Charts.learningCurves(run(1, true, 3), run(2, true, 3));
        assertEquals(Set.of("seed 1 train", "seed 1 val", "seed 1 test", "seed 2 train", "seed 2 val", "seed 2 test"),
                c.getSeriesMap().keySet());
        XYChart loss = Charts.lossCurves(run(1, true, 3));
        assertEquals(1.0 / 3, loss.getSeriesMap().get("train").getYData()[2], 1e-12);
    }

    @Test
    void emptyInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Charts.learningCurves());
        assertThrows(IllegalArgumentException.class, () -> Charts.learningCurves(run(1, false, 0)));
        assertThrows(IllegalArgumentException.class, () -> LearningCurves.accuracy(List.of(), 300, 200));
    }
}
