package org.plasticity.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.display.TableHtml;
import org.plasticity.io.FileTrees;
import org.plasticity.io.Json;
import org.plasticity.notebook.run.Notebook;
import org.plasticity.notebook.run.NotebookRunner;

/**
 * What a reader sees: every executed notebook (the committed ones in {@code notebooks/}, and those
 * this build executed into {@code target/notebooks-smoke/} when present) converted to HTML with
 * nbconvert and opened in headless Chromium (Debian's {@code chromium}), which takes a full-page
 * screenshot into {@code target/rendering/<set>/<notebook>.png}. A script injected into the page
 * reports what the browser rendered; the test fails when a chart image is missing or blank (one
 * colour), or a table lacks rows it declares ({@code data-rows} / {@code data-shown-rows} of
 * {@link TableHtml}), or a long table's scroll box does not scroll. Host names resolve to nothing,
 * so the page loads offline.
 */
@Tag("notebook")
class NotebookRenderingTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int WIDTH = 1280;
    /** Chromium's largest screenshot height that still renders reliably. */
    private static final int MAX_HEIGHT = 16_000;
    /** A chart counts as blank when fewer pixels than this fraction differ from its first pixel. */
    private static final double BLANK_FRACTION = 0.005;

    @TestFactory
    Stream<DynamicTest> everyExecutedNotebookRendersItsChartsAndTablesInChromium() throws Exception {
        assertTrue(Files.isExecutable(NotebookRunner.DEBIAN_JUPYTER), "Jupyter is missing: " + NotebookRunner.INSTALL_HINT);
        assertTrue(Files.isExecutable(CHROMIUM), "Chromium is missing: apt-get install -y --no-install-recommends chromium"
                + " (kernel-spec/test.sh through .ci/run installs it)");
        List<Path> notebooks = new ArrayList<>(NotebookRunner.discover(List.of(ROOT.resolve("notebooks"))));
        assertFalse(notebooks.isEmpty(), "no notebooks in notebooks/");
        Path executed = ROOT.resolve("target/notebooks-smoke");
        if (Files.isDirectory(executed)) {
            notebooks.addAll(NotebookRunner.discover(List.of(executed)));
        }
        String script = resource("render-check.js");
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getParent().getFileName() + "/" + nb.getFileName(),
                () -> {
                    Path out = ROOT.resolve("target/rendering").resolve(nb.getParent().getFileName().toString());
                    List<String> problems = problems(nb, out, script);
                    if (!problems.isEmpty()) {
                        fail(nb + " as rendered by Chromium (screenshot under " + ROOT.relativize(out) + "):\n  "
                                + String.join("\n  ", problems));
                    }
                }));
    }

    @Test
    void theCheckSeesABlankChartAndATableMissingRows(@TempDir Path dir) throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "Chromium is missing: apt-get install -y --no-install-recommends chromium");
        BufferedImage blank = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = blank.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(blank, "png", png);
        String table = "<table class='plasticity-table' data-rows='5' data-shown-rows='5'><tbody><tr><td>1</td></tr>"
                + "<tr><td>2</td></tr><tr><td>3</td></tr></tbody></table>";
        Path nb = dir.resolve("bad.ipynb");
        Files.writeString(nb, "{\"cells\":[{\"cell_type\":\"code\",\"execution_count\":1,\"metadata\":{},\"source\":[\"x\"],"
                + "\"outputs\":[{\"output_type\":\"display_data\",\"metadata\":{},\"data\":{\"image/png\":\""
                + Base64.getEncoder().encodeToString(png.toByteArray()) + "\",\"text/plain\":\"chart\"}},"
                + "{\"output_type\":\"display_data\",\"metadata\":{},\"data\":{\"text/html\":" + Json.quote(table)
                + ",\"text/plain\":\"table\"}}]}],\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}");
        List<String> problems = problems(nb, dir.resolve("out"), resource("render-check.js"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("is blank")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("declares 5 rows, the browser shows 3")), problems.toString());
    }

    private static List<String> problems(Path notebook, Path out, String script) throws Exception {
        Files.createDirectories(out);
        String name = notebook.getFileName().toString().replaceAll("\\.ipynb$", "");
        run(List.of(NotebookRunner.DEBIAN_JUPYTER.toString(), "nbconvert", "--to", "html", "--output-dir", out.toString(),
                notebook.toString()), out.resolve(name + ".nbconvert.log"), null);
        Path html = out.resolve(name + ".html");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        Path checked = out.resolve(name + ".checked.html");
        Files.writeString(checked, page.replace("</body>", "<script>" + script + "</script></body>"), StandardCharsets.UTF_8);

        Path dom = out.resolve(name + ".dom.html");
        chromium(out, List.of("--virtual-time-budget=20000", "--dump-dom", checked.toUri().toString()), dom);
        Map<String, Object> report = report(Files.readString(dom, StandardCharsets.UTF_8), name);

        int height = (int) Math.min(MAX_HEIGHT, Math.max(800, ((Number) report.get("pageHeight")).doubleValue()));
        Path png = out.resolve(name + ".png");
        Files.deleteIfExists(png);
        chromium(out, List.of("--hide-scrollbars", "--window-size=" + WIDTH + "," + height, "--screenshot=" + png,
                html.toUri().toString()), out.resolve(name + ".screenshot.log"));
        assertTrue(Files.isRegularFile(png) && Files.size(png) > 1_000, "no screenshot of " + name + " at " + png);

        List<String> problems = new ArrayList<>();
        checkImages(Notebook.read(notebook), report, problems);
        checkTables(report, problems);
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void checkImages(Notebook nb, Map<String, Object> report, List<String> problems) {
        long pngOutputs = nb.cells().stream().flatMap(c -> c.outputs().stream())
                .filter(o -> o.isRich() && o.data().containsKey("image/png")).count();
        List<Map<String, Object>> images = (List<Map<String, Object>>) report.get("images");
        if (images.size() < pngOutputs) {
            problems.add(pngOutputs + " PNG outputs in the notebook, but the page shows " + images.size() + " images");
        }
        for (Map<String, Object> img : images) {
            double w = num(img, "width");
            double h = num(img, "height");
            if (img.containsKey("error") || w == 0 || h == 0) {
                problems.add("image " + img.get("index") + " did not decode (" + img + ")");
            } else if (num(img, "differing") < BLANK_FRACTION * w * h) {
                problems.add("image " + img.get("index") + " (" + (int) w + "×" + (int) h + ") is blank: only "
                        + (int) num(img, "differing") + " pixels differ from its background");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkTables(Map<String, Object> report, List<String> problems) {
        for (Map<String, Object> t : (List<Map<String, Object>>) report.get("tables")) {
            int rendered = (int) num(t, "rendered");
            String caption = String.valueOf(t.get("caption")).strip();
            if (rendered == 0) {
                problems.add("table " + t.get("index") + " [" + caption + "] shows no rows");
            }
            if (t.get("rows") == null) {
                continue; // not one of ours, or an output written before tables declared their rows
            }
            int rows = Integer.parseInt(String.valueOf(t.get("rows")));
            int shown = Integer.parseInt(String.valueOf(t.get("shown")));
            if (rendered != shown) {
                problems.add("table " + t.get("index") + " [" + caption + "] declares " + shown + " rows, the browser shows "
                        + rendered);
            }
            if (rows <= TableHtml.DEFAULT.maxRows() && shown != rows) {
                problems.add("table " + t.get("index") + " [" + caption + "] shows " + shown + " of its " + rows + " rows");
            }
            if (rows > TableHtml.VISIBLE_ROWS && !Boolean.TRUE.equals(t.get("scrollable"))) {
                problems.add("table " + t.get("index") + " [" + caption + "] has " + rows
                        + " rows but its box does not scroll, so the reader cannot reach them");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(String dom, String name) {
        String open = "<pre id=\"plasticity-render-check\">";
        int at = dom.lastIndexOf(open);
        int end = at < 0 ? -1 : dom.indexOf("</pre>", at);
        String found = end < 0 ? null : dom.substring(at + open.length(), end);
        if (found == null || !found.startsWith("{")) {
            fail("Chromium did not run the check script on " + name + " (no report in the dumped DOM)");
        }
        String json = found.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        return (Map<String, Object>) Json.parse(json);
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    /** Headless Chromium with a fresh profile, no network (every host name fails to resolve). */
    private static void chromium(Path out, List<String> args, Path stdout) throws Exception {
        Path profile = Files.createTempDirectory(out, "chromium-profile-");
        try {
            List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile));
            cmd.addAll(args);
            run(cmd, stdout, out.resolve("chromium.stderr.log"));
        } finally {
            FileTrees.deleteTree(profile);
        }
    }

    private static void run(List<String> cmd, Path stdout, Path stderr) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile());
        if (stderr == null) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
        }
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("timed out: " + String.join(" ", cmd));
        }
        assertEquals(0, p.exitValue(), () -> "failed: " + String.join(" ", cmd) + "\n" + tail(stdout) + tail(stderr));
    }

    private static String tail(Path f) {
        try {
            if (f == null || !Files.exists(f)) {
                return "";
            }
            String s = Files.readString(f, StandardCharsets.UTF_8);
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (IOException e) {
            return "";
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NotebookRenderingTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
