package org.plasticity.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.ResultsCsv;
import tech.tablesaw.api.Table;

/** The summary holds every committed full row, names the notebook, and charts ours vs paper. */
class ReproductionSummaryTest {

    @Test
    void everyCommittedFullRowAppearsWithItsNotebook() {
        List<ReproductionRow> rows = ResultsCsv.at(Path.of("results")).reproductionRows(r -> r.profile() == Profile.FULL);
        ReproductionSummary s = new ReproductionSummary(rows, Path.of("notebooks"));
        Table t = s.table();
        assertEquals(rows.size(), t.rowCount());
        assertFalse(rows.isEmpty());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i).oursMean(), t.doubleColumn("ours_mean").getDouble(i), 0.0);
            assertEquals(rows.get(i).status().id(), t.stringColumn("status").get(i));
        }
        assertTrue(t.stringColumn("notebook").asList().contains("05-local-credit-assignment.ipynb"), t.print());
        String paper = rows.stream().filter(r -> r.metric().equals("test_accuracy") && !Double.isNaN(r.paperValue())
                && !Double.isNaN(r.oursMean())).findFirst().orElseThrow().paper();
        CategoryChart c = s.chart(paper, "test_accuracy");
        assertEquals(2, c.getSeriesMap().size());
        assertTrue(c.getSeriesMap().get("ours").getXData().size() <= ReproductionSummary.CLAIMS_PER_CHART);
        long claims = rows.stream().filter(r -> r.metric().equals("test_accuracy") && !Double.isNaN(r.paperValue())
                && !Double.isNaN(r.oursMean())).count();
        assertEquals(claims, s.charts("test_accuracy").stream().mapToLong(x -> x.getSeriesMap().get("ours").getXData()
                .size()).sum(), "every claim is in exactly one chart");
        assertThrows(IllegalArgumentException.class, () -> s.chart("no-such-paper", "test_accuracy"));
    }
}
