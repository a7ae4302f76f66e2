package org.plasticity.notebook.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellProgressTest {

    /** A notebook with a profile line and code cells that took {@code seconds} each in its last run. */
    static Path notebook(Path dir, String name, String profile, String paperNote, double... seconds) throws Exception {
        StringBuilder cells = new StringBuilder("{\"cell_type\":\"markdown\",\"metadata\":{},\"source\":[\"Committed outputs: **"
                + profile + "** profile. " + paperNote + "\"]}");
        for (int i = 0; i < seconds.length; i++) {
            long ms = Math.round(seconds[i] * 1000);
            String end = java.time.Instant.parse("2026-11-30T18:00:00Z").plusMillis(ms).toString();
            cells.append(",{\"cell_type\":\"code\",\"execution_count\":").append(i + 1)
                    .append(",\"metadata\":{\"execution\":{\"iopub.status.busy\":\"2026-11-30T18:00:00.000Z\","
                            + "\"shell.execute_reply\":\"").append(end).append("\"}},\"outputs\":[],\"source\":[\"var x")
                    .append(i).append(" = ").append(i).append(";\\n\"]}");
        }
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"cells\":[" + cells + "],\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}");
        return f;
    }

    @Test
    void cellTimesComeFromTheLastExecution(@TempDir Path dir) throws Exception {
        CellTimes t = CellTimes.read(notebook(dir, "a.ipynb", "full", "", 10, 20.5, 30));
        assertEquals("full", t.profile());
        assertEquals(3, t.codeCells().size());
        assertEquals(1, t.codeCells().get(0).index(), "the markdown cell is index 0");
        assertEquals(20.5, t.codeCells().get(1).seconds(), 1e-9);
        assertEquals(60.5, t.totalSeconds(), 1e-9);
        assertEquals(30, t.secondsAfter(1), 1e-9);
        assertEquals("var x2 = 2;", t.codeCells().get(2).firstLine());
        assertEquals("3m 05s", CellTimes.format(185));
        assertEquals("2h 07m", CellTimes.format(7620));
    }

    @Test
    void everyStartedCellIsPrintedWithAnEtaFromTheLastRunInTheSameProfile(@TempDir Path dir) throws Exception {
        CellTimes t = CellTimes.read(notebook(dir, "a.ipynb", "full", "", 10, 20, 30));
        Path log = dir.resolve("a.log");
        Files.writeString(log, "[NbConvertApp] Executing notebook\n");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
                CellProgress p = CellProgress.watch(t, "full", log, out)) {
            Files.writeString(log, "[NbConvertApp] Executing notebook\nplasticity-cell start 1 1.0\nplasticity-cell done 1 2.0\n"
                    + "noise\nplasticity-cell start 2 2.0\nplasticity-cell done 2 3.0\nplasticity-cell start 3 3.0\n");
            Thread.sleep(1200);
        }
        List<String> lines = Arrays.asList(buf.toString(StandardCharsets.UTF_8).split("\n"));
        assertEquals(3, lines.size(), String.join("\n", lines));
        // the elapsed time depends on how soon the watcher polls (every 0.5 s): only its form is fixed
        assertTrue(lines.get(0).matches("  \\[1/3\\] \\d+ s elapsed · ETA 1m 00s \\(last full run\\) · var x0 = 0;"),
                lines.get(0));
        assertTrue(lines.get(1).contains("[2/3]") && lines.get(1).contains("ETA 50 s"), lines.get(1));
        assertTrue(lines.get(2).contains("[3/3]") && lines.get(2).contains("ETA 30 s"), lines.get(2));
    }

    @Test
    void withoutTimesFromThisProfileTheEtaFollowsThePace(@TempDir Path dir) throws Exception {
        CellTimes t = CellTimes.read(notebook(dir, "a.ipynb", "smoke", "", 1, 1, 1, 1));
        CellProgress p = CellProgress.watch(t, "full", dir.resolve("none.log"), new PrintStream(new ByteArrayOutputStream()));
        p.close();
        assertEquals("  [1/4] 0 s elapsed · ETA ? · var x0 = 0;", p.startLine(0, 0));
        assertTrue(p.startLine(2, 100).contains("ETA ≈ 1m 40s (pace so far"), p.startLine(2, 100));
    }

    @Test
    @Tag("notebook")
    void theHooksReportEveryCodeCellOfARealExecution(@TempDir Path dir) throws Exception {
        // A Python notebook through Debian's Jupyter and ipykernel: the same nbconvert command and hooks.
        Path nb = dir.resolve("py.ipynb");
        Files.writeString(nb, "{\"cells\":[{\"cell_type\":\"markdown\",\"metadata\":{},\"source\":[\"x\"]},"
                + "{\"cell_type\":\"code\",\"execution_count\":null,\"metadata\":{},\"outputs\":[],\"source\":[\"1+1\"]},"
                + "{\"cell_type\":\"code\",\"execution_count\":null,\"metadata\":{},\"outputs\":[],\"source\":[\"2+2\"]}],"
                + "\"metadata\":{\"kernelspec\":{\"name\":\"python3\",\"display_name\":\"Python 3\",\"language\":\"python\"}},"
                + "\"nbformat\":4,\"nbformat_minor\":5}");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        NbConvert nbc = new NbConvert(NotebookRunner.DEBIAN_JUPYTER, null, "python3", "smoke", 60, 120, 1, out);
        List<NotebookRunner.Report> r = NotebookRunner.run(new NotebookRunner.Options(List.of(nb), dir.resolve("out"), nbc,
                false, false));
        String text = buf.toString(StandardCharsets.UTF_8);
        assertTrue(r.get(0).result().completed(), text + r.get(0));
        assertTrue(text.contains("  [1/2] ") && text.contains("· 1+1"), text);
        assertTrue(text.contains("  [2/2] ") && text.contains("· 2+2"), text);
    }
}
