package org.plasticity.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.plasticity.io.FileTrees;

/**
 * A notebook in a real browser, as a reader meets it: Debian's {@code jupyter notebook} server with
 * our kernel, opened in headless Chromium (driven over the DevTools protocol, {@link Cdp}). A cell
 * trains on MNIST with the live progress display; mid-training the page is photographed, then the
 * notebook's interrupt button is clicked, and after the interrupt a next cell runs with the state
 * the earlier cells left (the checkpoint the interrupted run wrote). Screenshots land in
 * {@code target/live-notebook/} (01-mid-training.png, 02-after-interrupt.png).
 */
@Tag("notebook")
class LiveNotebookBrowserTest {

    private static final Path WORK = KernelHarness.ROOT.resolve("target/live-notebook");
    private static final Pattern EPOCH = Pattern.compile("epoch (\\d+)/(\\d+)");

    @Test
    void aTrainingCellShowsLiveProgressInTheBrowserAndTheInterruptButtonStopsIt() throws Exception {
        assertTrue(Files.isExecutable(Cdp.CHROMIUM), "Chromium is missing: apt-get install -y --no-install-recommends chromium");
        String kernel = KernelHarness.install("plasticity");
        if (Files.exists(WORK)) {
            FileTrees.deleteTree(WORK);
        }
        Files.createDirectories(WORK.resolve("notebooks"));
        Path ck = WORK.resolve("checkpoints");
        Files.writeString(WORK.resolve("notebooks/live.ipynb"), notebook(kernel, ck).toString(), StandardCharsets.UTF_8);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String token = "plasticity-live-test";
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/jupyter", "notebook", "--no-browser", "--allow-root",
                "--ip=127.0.0.1", "--port=" + port, "--port-retries=0", "--NotebookApp.token=" + token,
                "--NotebookApp.notebook_dir=" + WORK.resolve("notebooks"))
                .redirectErrorStream(true).redirectOutput(WORK.resolve("jupyter-notebook.log").toFile());
        pb.environment().put("JUPYTER_PATH", KernelHarness.JUPYTER_PATH.toString());
        pb.environment().put("JUPYTER_CONFIG_DIR", WORK.resolve("config").toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", WORK.resolve("runtime").toString());
        pb.environment().put("PLASTICITY_PROFILE", "smoke");
        Set<Long> kernelsBefore = kernelPids();
        Process server = pb.start();
        try {
            waitForServer(port, token, server);
            try (Cdp page = Cdp.launch(WORK, 1280, 900)) {
                page.navigate("http://127.0.0.1:" + port + "/notebooks/live.ipynb?token=" + token);
                assertTrue(page.waitFor("Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.info_reply"
                        + " && Jupyter.notebook.kernel.info_reply.implementation", 180), "the kernel never became ready in "
                        + "the page; see " + WORK.resolve("jupyter-notebook.log"));
                assertEquals(kernel, page.eval("Jupyter.notebook.kernel.name").getAsString());
                page.eval("Jupyter.notebook.execute_cells([1])");
                assertTrue(page.waitFor(done(1), 300), "the data cell did not finish: " + text(page, 1));
                page.eval("Jupyter.notebook.execute_cells([2])");
                // Mid-training: the progress display has moved in place at least twice (one output, new epochs).
                assertTrue(page.waitFor("/epoch [3-9]\\d*\\/|epoch \\d{2,}\\//.test(" + outputText(2) + ")", 300),
                        "no live progress: " + text(page, 2));
                String first = text(page, 2);
                assertTrue(page.waitFor(outputText(2) + " !== " + new com.google.gson.JsonPrimitive(first), 120), "the progress display did not update: "
                        + first);
                assertEquals(1, page.eval(outputs(2)).getAsInt(), "the progress display must update in place (one output, "
                        + "display_id), not add outputs: " + text(page, 2));
                page.eval("Jupyter.notebook.get_cell(2).element[0].scrollIntoView({block: 'center'})");
                Thread.sleep(500);
                Path mid = WORK.resolve("01-mid-training.png");
                page.screenshot(mid);
                String midText = text(page, 2);
                int midEpoch = epoch(midText);
                assertTrue(midEpoch >= 2 && midEpoch < 200, "mid-training epoch: " + midText);
                // The notebook's interrupt button (toolbar), as a reader clicks it.
                assertTrue(page.eval("(() => { const b = document.querySelector("
                        + "'button[data-jupyter-action=\"jupyter-notebook:interrupt-kernel\"]'); if (!b) return false; "
                        + "b.click(); return true; })()").getAsBoolean(), "no interrupt button in the toolbar");
                assertTrue(page.waitFor(done(2), 120), "the interrupt did not stop the cell: " + text(page, 2));
                String stopped = text(page, 2);
                assertTrue(stopped.contains("Interrupted"), stopped);
                assertTrue(EPOCH.matcher(stopped).find(), "the progress display stays after the interrupt: " + stopped);
                page.eval("Jupyter.notebook.execute_cells([3])");
                assertTrue(page.waitFor(done(3), 120), "the cell after the interrupt did not run: " + text(page, 3));
                String after = text(page, 3);
                Matcher m = Pattern.compile("checkpoint after epoch (\\d+)").matcher(after);
                assertTrue(m.find(), after);
                assertTrue(Integer.parseInt(m.group(1)) >= midEpoch - 1, "checkpoint " + after + " vs progress " + midText);
                page.eval("Jupyter.notebook.get_cell(2).element[0].scrollIntoView({block: 'start'})");
                Thread.sleep(500);
                Path afterPng = WORK.resolve("02-after-interrupt.png");
                page.screenshot(afterPng);
                Files.writeString(WORK.resolve("outputs.txt"), "mid-training:\n" + midText + "\n\nafter the interrupt:\n"
                        + stopped + "\n\nnext cell:\n" + after + "\n", StandardCharsets.UTF_8);
                assertNotBlank(mid);
                assertNotBlank(afterPng);
                page.eval("Jupyter.notebook.kernel.kill()");
            }
        } finally {
            server.destroy(); // SIGTERM: the server shuts its kernels down
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Set<Long> left = kernelPids();
        while (System.nanoTime() < deadline) {
            left = kernelPids();
            left.removeAll(kernelsBefore);
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(Set.of(), left, "kernel JVMs left behind by the notebook server");
    }

    private static JsonObject notebook(String kernel, Path ck) {
        JsonArray cells = new JsonArray();
        cells.add(markdown("# Live training in the browser\nA reader's view: live progress while the cell trains, the "
                + "interrupt button, and the next cell."));
        cells.add(code("Splits data = Datasets.mnist().limit(6_000, 1_000);\nPath ck = Path.of(\"" + ck + "\");\n"
                + "\"MNIST, 6000 training images\""));
        cells.add(code("TrainingRun run = Trainer.create().epochs(200).batchSize(50).checkpointDir(ck).\n"
                + "        fit(SoftmaxRegression.create(784, 10, 1), data);"));
        cells.add(code("\"the kernel kept its state; checkpoint after epoch \" + "
                + "Checkpoint.load(ck.resolve(Checkpoint.FILE_NAME)).epochsDone()"));
        return KernelHarness.json("cells", cells, "metadata", KernelHarness.json("kernelspec", KernelHarness.json("name",
                kernel, "display_name", "Java (Plasticity)", "language", "java"), "language_info", KernelHarness.json(
                "name", "java")), "nbformat", 4, "nbformat_minor", 5);
    }

    private static JsonObject code(String source) {
        return KernelHarness.json("cell_type", "code", "metadata", new JsonObject(), "source", source, "outputs",
                new JsonArray(), "execution_count", com.google.gson.JsonNull.INSTANCE);
    }

    private static JsonObject markdown(String source) {
        return KernelHarness.json("cell_type", "markdown", "metadata", new JsonObject(), "source", source);
    }

    /** The cell ran to its end (its prompt shows a number, not {@code *}). */
    private static String done(int cell) {
        return "typeof Jupyter.notebook.get_cell(" + cell + ").input_prompt_number === 'number'";
    }

    private static String outputText(int cell) {
        return "Jupyter.notebook.get_cell(" + cell + ").output_area.element[0].innerText";
    }

    private static String outputs(int cell) {
        return "Jupyter.notebook.get_cell(" + cell + ").output_area.outputs.length";
    }

    private static String text(Cdp page, int cell) throws Exception {
        return page.eval(outputText(cell)).getAsString();
    }

    private static int epoch(String text) {
        Matcher m = EPOCH.matcher(text);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }

    private static void waitForServer(int port, String token, Process server) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "jupyter notebook exited: " + Files.readString(WORK.resolve("jupyter-notebook.log")));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/status?token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("jupyter notebook did not answer: " + Files.readString(WORK.resolve("jupyter-notebook.log")));
    }

    /** Kernel JVMs of ours (KernelMain) now running. */
    private static Set<Long> kernelPids() {
        Set<Long> pids = new HashSet<>();
        ProcessHandle.allProcesses().forEach(p -> p.info().commandLine().ifPresent(c -> {
            if (c.contains("org.plasticity.kernel.KernelMain") && c.contains(KernelHarness.JUPYTER_PATH.toString())) {
                pids.add(p.pid());
            }
        }));
        return pids;
    }

    /** A screenshot with content: many colours, not one flat page. */
    private static void assertNotBlank(Path png) throws Exception {
        BufferedImage img = ImageIO.read(new File(png.toString()));
        assertTrue(img.getWidth() >= 1000 && img.getHeight() >= 600, png + " is " + img.getWidth() + "x" + img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, png + " looks blank: " + colours.size() + " colours");
    }
}
