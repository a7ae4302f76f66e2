package org.plasticity.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.ResultsCsv;
import org.plasticity.results.RunStore;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;

/**
 * Every committed run record under {@code results/runs/} reads back through the experiment layer and
 * gives exactly the committed rows of {@code results/reproduction.csv} (values, seeds, paper figures
 * from the recipes, and the status under the one tolerance rule); nothing is recomputed.
 */
class CommittedRunsTest {

    private static final Path PROJECT_RESULTS = Path.of("results").toAbsolutePath();

    @TempDir
    Path userRuns;

    private String savedResults;
    private String savedRuns;

    @BeforeEach
    void pointAtTheCommittedResults() {
        savedResults = System.getProperty(ResultsCsv.PROPERTY);
        savedRuns = System.getProperty(RunStore.PROPERTY);
        System.setProperty(ResultsCsv.PROPERTY, PROJECT_RESULTS.toString());
        System.setProperty(RunStore.PROPERTY, userRuns.toString());
    }

    @AfterEach
    void restore() {
        reset(ResultsCsv.PROPERTY, savedResults);
        reset(RunStore.PROPERTY, savedRuns);
    }

    private static void reset(String k, String v) {
        if (v == null) {
            System.clearProperty(k);
        } else {
            System.setProperty(k, v);
        }
    }

    private static List<ReproductionRow> committedRows() {
        return ResultsCsv.at(PROJECT_RESULTS).reproductionRows();
    }

    private static long[] committedSeeds(String id) throws IOException {
        Path dir = PROJECT_RESULTS.resolve("runs").resolve(id);
        if (!Files.isDirectory(dir)) {
            return new long[0];
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("seed-\\d+\\.properties"))
                    .mapToLong(n -> Long.parseLong(n.replaceAll("\\D", ""))).sorted().toArray();
        }
    }

    private static final TrainingListener NO_TRAINING = new TrainingListener() {
        @Override
        public void onTrainingBegin(TrainingSession s) {
            throw new AssertionError("a committed run was recomputed: " + s);
        }
    };

    @Test
    void everyCommittedRecordReadsBackToItsCommittedRow() throws IOException {
        List<String> checked = new ArrayList<>();
        int derived = 0;
        for (ReproductionRow row : committedRows()) {
            assertEquals(Profile.FULL, row.profile(), "the committed file holds full rows only: " + row);
            if (row.experiment().startsWith("gdu-")) {
                continue; // diagnostics of notebook 02, computed in the notebook (no run records)
            }
            assertTrue(Catalog.contains(row.experiment()), "committed row without a recipe: " + row.experiment());
            Recipe r = Catalog.get(row.experiment());
            assertEquals(r.paper(), row.paper(), row.experiment());
            assertEquals(r.dataset(), row.dataset(), row.experiment());
            Claim claim = r.claims().stream().filter(c -> c.metric().equals(row.metric())).findFirst().orElseThrow(
                    () -> new AssertionError(row.experiment() + " has no claim " + row.metric()));
            assertEquals(claim.paperValue(), row.paperValue(), 1e-12, "paper value of " + row.experiment());
            if (!r.isTrained()) {
                if (r.isDerived()) {
                    derived++;
                    Outcome o = r.experiment().profile(Profile.FULL).seeds(1).record(false).run();
                    same(row, o.row(row.metric()));
                } else {
                    assertEquals(org.plasticity.results.Status.NOT_OBTAINABLE_HERE, row.status());
                }
                continue;
            }
            long[] seeds = committedSeeds(row.experiment());
            assertEquals(row.nSeeds(), seeds.length, row.experiment() + ": committed records vs n_seeds");
            Outcome o = r.experiment().profile(Profile.FULL).seedList(seeds).store(new RunStore(userRuns,
                    PROJECT_RESULTS.resolve("runs"))).listener(NO_TRAINING).quiet().record(false).run();
            assertEquals(seeds.length, o.sweep().reused(), "every seed read back");
            same(row, o.row(row.metric()));
            checked.add(row.experiment() + "/" + row.metric());
        }
        assertTrue(checked.size() >= 130, "checked " + checked.size());
        assertEquals(8, derived); // LocalCA 2, dendritic EP 6 (kmnist-split claims vs point EP, vs BPTT, vs the two point-neuron controls; fmnist claims vs point EP, vs the equal-parameter control)
    }

    private static void same(ReproductionRow committed, ReproductionRow ours) {
        String what = committed.experiment() + " " + committed.metric();
        assertEquals(committed.oursMean(), ours.oursMean(), 1e-5 * Math.max(1, Math.abs(ours.oursMean())), what);
        if (Double.isNaN(committed.oursStd())) {
            assertTrue(Double.isNaN(ours.oursStd()), what);
        } else {
            assertEquals(committed.oursStd(), ours.oursStd(), 1e-5 * Math.max(1e-3, Math.abs(ours.oursStd())), what);
        }
        assertEquals(committed.nSeeds(), ours.nSeeds(), what);
        assertEquals(committed.epochs(), ours.epochs(), what);
        assertEquals(committed.status(), ours.status(), what + ": the one tolerance rule gives the committed status");
    }
}
