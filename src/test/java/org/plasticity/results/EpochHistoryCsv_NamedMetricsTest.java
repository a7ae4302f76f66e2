package org.plasticity.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.train.EpochMetrics;

/** A run's history file keeps the named metrics, and stays in the committed format without them. */
class EpochHistoryCsv_NamedMetricsTest {

    @Test
    void namedMetricsRoundTripAndPlainHistoriesKeepTheCommittedFormat(@TempDir Path dir) throws Exception {
        List<EpochMetrics> h = List.of(
                new EpochMetrics(1, 0.5, 0.6, 0.4, 0.7, Double.NaN, Double.NaN, 1.5,
                        Map.of("train.firing_rate", 0.25, "validation.firing_rate", 0.125)),
                new EpochMetrics(2, 0.3, 0.8, 0.2, 0.9, 0.25, 0.875, 1.25, Map.of("train.firing_rate", 0.5)));
        Path f = dir.resolve("h.csv");
        EpochHistoryCsv.write(f, h);
        assertEquals(EpochHistoryCsv.HEADER + ",train.firing_rate,validation.firing_rate", Files.readAllLines(f).get(0));
        assertEquals(h, EpochHistoryCsv.read(f));

        List<EpochMetrics> plain = List.of(new EpochMetrics(1, 0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 2.0));
        EpochHistoryCsv.write(f, plain);
        assertEquals(EpochHistoryCsv.HEADER, Files.readAllLines(f).get(0));
        assertEquals(plain, EpochHistoryCsv.read(f));
    }
}
