package org.plasticity.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 §4: concurrent writers of one results CSV, in one JVM and across JVMs. */
class ResultsConcurrencyTest {

    static ReproductionRow row(String exp) {
        return new ReproductionRow("ep-standard", exp, "mnist", "test_accuracy", 0.98, Double.NaN, 0.97, Double.NaN, 1,
                Profile.FULL, Status.BELOW, 1, 1.0, "abc", "");
    }

    @Test
    void fourThreadsOfOneJvmKeepEveryRow(@TempDir Path dir) throws Exception {
        ResultsCsv csv = ResultsCsv.at(dir);
        csv.record(row("first"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                fs.add(pool.submit(() -> {
                    ResultsCsv own = ResultsCsv.at(dir.resolve(".").resolve("x").resolve("..")); // same file, other spelling
                    for (int i = 0; i < 100; i++) {
                        (i % 2 == 0 ? csv : own).record(row("t" + id + "-" + i));
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<ReproductionRow> rows = csv.reproductionRows();
        assertEquals(401, rows.size());
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.experiment()));
        assertEquals(401, ids.size());
    }

    @Test
    void twoProcessesKeepEveryRow(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("x"));
        Process a = ChildJvm.start(dir, ChildJvm.CsvChild.class, dir.toString(), "a", "60");
        Process b = ChildJvm.start(dir, ChildJvm.CsvChild.class, dir.toString(), "b", "60");
        ChildJvm.finish(a);
        ChildJvm.finish(b);
        assertEquals(120, ResultsCsv.at(dir).reproductionRows().size());
    }

    @Test
    void smokeStoreIsDeletedWhenTheJvmExits(@TempDir Path tmp) throws Exception {
        String out = ChildJvm.finish(ChildJvm.start(tmp, ChildJvm.SmokeChild.class)).strip();
        Path store = Path.of(out.lines().reduce((x, y) -> y).orElseThrow());
        assertTrue(store.startsWith(tmp), store + " not under " + tmp);
        assertFalse(Files.exists(store), "the smoke store survived its JVM: " + store);
        try (var s = Files.list(tmp)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith("plasticity-smoke-runs")).count());
        }
    }

    @Test
    void staleSmokeStoresOfDeadProcessesAreDeleted(@TempDir Path tmp) throws Exception {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version").start();
        p.waitFor();
        long deadPid = p.pid();
        Path stale = tmp.resolve(SmokeRuns.PREFIX + deadPid + "-123");
        Files.createDirectories(stale.resolve("exp"));
        Files.write(stale.resolve("exp").resolve("f"), new byte[10]);
        Path mine = tmp.resolve(SmokeRuns.PREFIX + ProcessHandle.current().pid() + "-456");
        Files.createDirectories(mine);
        assertEquals(1, SmokeRuns.deleteStale(tmp));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(mine), "a live process's store is kept");
    }
}
