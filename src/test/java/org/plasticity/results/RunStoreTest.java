package org.plasticity.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored runs: committed records are read back, new runs never write into the committed folder. */
class RunStoreTest {

    private static RunRecord rec(String exp, long seed, double acc, String commit) {
        return new RunRecord(exp, seed, Map.of("test_accuracy", acc), 3, 1.0, "cfg", commit, "toy sha256=abc");
    }

    @Test
    void committedRecordsAreReadAndNewRunsWriteOnlyToTheOutput(@TempDir Path tmp) throws Exception {
        Path committed = tmp.resolve("results/runs");
        Path out = tmp.resolve("target/runs");
        rec("toy", 1, 0.9, "old1").save(committed.resolve("toy").resolve("seed-1.properties"));
        RunStore store = new RunStore(out, committed);
        AtomicInteger calls = new AtomicInteger();
        SweepResult r = SeedSweep.of("toy").seeds(1, 2).profile(Profile.FULL).store(store).run(run -> {
            calls.incrementAndGet();
            assertTrue(run.checkpointDir().startsWith(out));
            return rec("toy", run.seed(), 0.8, "new2");
        });
        assertEquals(1, calls.get(), "the committed seed is read back, not recomputed");
        assertEquals(0.85, r.mean("test_accuracy"), 1e-12);
        assertFalse(Files.exists(committed.resolve("toy").resolve("seed-2.properties")), "a run dirtied the committed folder");
        assertTrue(Files.exists(out.resolve("toy").resolve("seed-2.properties")));
        assertEquals("toy sha256=abc", RunRecord.load(out.resolve("toy").resolve("seed-2.properties")).data());
        assertTrue(store.promote("toy", 2));
        assertTrue(store.isCommitted("toy", 2));
        assertFalse(store.promote("toy", 1), "already committed");
    }

    @Test
    void rowCommitComesFromTheRunRecordsNotFromHead() {
        SweepResult one = new SweepResult("toy", Profile.FULL, List.of(rec("toy", 1, 0.9, "aaa111"),
                rec("toy", 2, 0.9, "aaa111")), 2);
        assertEquals("aaa111", one.toRow("p", "d", "test_accuracy", 0.9, Double.NaN, 0.01, "").commit());
        SweepResult mixed = new SweepResult("toy", Profile.FULL, List.of(rec("toy", 1, 0.9, "aaa111"),
                rec("toy", 2, 0.9, "bbb222"), rec("toy", 3, 0.9, "aaa111")), 3);
        assertEquals("aaa111+bbb222", mixed.toRow("p", "d", "test_accuracy", 0.9, Double.NaN, 0.01, "").commit());
    }

    @Test
    void smokeRowsAreNeverRecordedIntoTheCommittedFile() {
        ResultsCsv committed = ResultsCsv.inProject(); // tests: a copy under target/test-results (pom.xml)
        assertTrue(committed.isCommitted());
        ReproductionRow smoke = new ReproductionRow("p", "toy-smoke-row", "d", "test_accuracy", Double.NaN, Double.NaN,
                0.5, Double.NaN, 1, Profile.SMOKE, Status.STAND_IN, 1, 1, "c", "");
        assertThrows(IllegalArgumentException.class, () -> committed.record(smoke));
        assertTrue(committed.reproductionRows(r -> r.experiment().equals("toy-smoke-row")).isEmpty());
        assertFalse(ResultsCsv.forProfile(Profile.SMOKE).isCommitted());
    }

    @Test
    void smokeRunsGoToATemporaryStoreAndFullRunsToTheUserFolder() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        assertTrue(RunStore.of(Profile.SMOKE).output().startsWith(tmp));
        RunStore full = RunStore.of(Profile.FULL);
        assertFalse(full.output().startsWith(full.committed()), full.toString());
    }
}
