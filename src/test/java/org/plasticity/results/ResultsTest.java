package org.plasticity.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {

    private static ReproductionRow row(String exp, double ours, Profile p) {
        return new ReproductionRow("ep-standard", exp, "mnist", "test_accuracy", 0.98, Double.NaN, ours, 0.001, 3, p,
                Status.compare(ours, 0.98, 0.005), 30, 120.5, "abc123", "note, with comma");
    }

    @Test
    void rowsAreReplacedByKeyAndSurviveRoundTrip(@TempDir Path dir) {
        ResultsCsv r = ResultsCsv.at(dir);
        r.record(row("a", 0.97, Profile.FULL));
        r.record(row("b", 0.981, Profile.FULL));
        r.record(row("a", 0.979, Profile.FULL));
        r.record(row("a", 0.5, Profile.SMOKE));
        List<ReproductionRow> rows = r.reproductionRows();
        assertEquals(3, rows.size());
        assertEquals(0.979, rows.get(0).oursMean(), 1e-9);
        assertEquals(Status.REPRODUCED, rows.get(0).status());
        assertEquals("note, with comma", rows.get(0).notes());
        assertEquals(Status.BELOW, rows.get(2).status());
        assertEquals(3, r.paperVsOurs("ep-standard").rowCount());
    }

    @Test
    void benchmarkRowsComputeTheRatio(@TempDir Path dir) throws Exception {
        ResultsCsv r = ResultsCsv.at(dir);
        r.record(BenchmarkRow.of("ep-x", 300, 100, "samples/s", 0.4, 2, "peer: 1 thread"));
        assertEquals(3.0, r.benchmarkRows().get(0).ratio(), 1e-12);
        assertTrue(Files.readString(dir.resolve("benchmarks.csv")).contains(",3,"));
    }

    @Test
    void wrongHeaderIsReportedNotOverwritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("reproduction.csv"), "a,b\n1,2\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ResultsCsv.at(dir).record(row("a", 0.9, Profile.FULL)));
        assertTrue(e.getMessage().contains("header"));
        assertEquals("a,b\n1,2\n", Files.readString(dir.resolve("reproduction.csv")));
    }

    @Test
    void sweepSkipsFinishedSeedsAndAggregates(@TempDir Path dir) {
        AtomicInteger calls = new AtomicInteger();
        SeedSweep sweep = SeedSweep.of("toy").seeds(1, 2, 3).profile(Profile.FULL).store(dir);
        SweepResult first = sweep.run(run -> {
            calls.incrementAndGet();
            return new RunRecord(run.experiment(), run.seed(), Map.of("acc", 0.9 + 0.01 * run.seed()), 1, 0.1, "cfg", "c");
        });
        assertEquals(3, calls.get());
        assertEquals(0.92, first.mean("acc"), 1e-12);
        assertEquals(0.01, first.std("acc"), 1e-12);
        SweepResult again = sweep.run(run -> {
            throw new AssertionError("finished seeds must not rerun");
        });
        assertEquals(3, again.reused());
        assertEquals(first.mean("acc"), again.mean("acc"), 1e-12);
        ReproductionRow r = again.toRow("p", "d", "acc", 0.92, Double.NaN, 0.001, "");
        assertEquals(Status.REPRODUCED, r.status());
        assertEquals(3, again.table().rowCount());
    }

    @Test
    void sweepResumesAfterAFailedSeed(@TempDir Path dir) {
        SeedSweep sweep = SeedSweep.of("toy").seeds(1, 2).profile(Profile.FULL).store(dir);
        assertThrows(IllegalStateException.class, () -> sweep.run(run -> {
            if (run.seed() == 2) {
                throw new IllegalStateException("killed");
            }
            return new RunRecord(run.experiment(), run.seed(), Map.of("acc", 1.0), 1, 0.1, "cfg", "c");
        }));
        AtomicInteger calls = new AtomicInteger();
        SweepResult r = sweep.run(run -> {
            calls.incrementAndGet();
            return new RunRecord(run.experiment(), run.seed(), Map.of("acc", 0.0), 1, 0.1, "cfg", "c");
        });
        assertEquals(1, calls.get());
        assertEquals(0.5, r.mean("acc"), 1e-12);
    }

    @Test
    void profileParsesAndChooses() {
        assertEquals(Profile.FULL, Profile.parse(" Full "));
        assertEquals(3, Profile.SMOKE.choose(3, 30));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.parse("fast"));
        assertTrue(e.getMessage().contains("PLASTICITY_PROFILE"));
    }
}
