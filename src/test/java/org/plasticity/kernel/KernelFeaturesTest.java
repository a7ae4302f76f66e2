package org.plasticity.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plasticity.kernel.KernelHarness.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.plasticity.io.FileTrees;

/**
 * Our kernel through a real Jupyter client ({@code jupyter_client}, as a notebook front end uses
 * it): one kernel session runs every cell below in order, then restarts and shuts the kernel down;
 * each test checks one feature in the messages the client received.
 */
@Tag("notebook")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KernelFeaturesTest {

    private static final Path WORK = KernelHarness.ROOT.resolve("target/kernel-test");
    private final Map<String, JsonObject> steps = new LinkedHashMap<>();

    @BeforeAll
    void runOneSession() throws IOException {
        String kernel = KernelHarness.install("plasticity");
        if (Files.exists(WORK)) {
            FileTrees.deleteTree(WORK);
        }
        Files.createDirectories(WORK);
        Path jar = compileJar("extra", "Hello", "package extra; public class Hello {\n  /** Greets the reader of a "
                + "user's jar. */\n  public String greet() { return \"hello from a jar\"; }\n}");
        Path folder = compileFolder("extra2", "Folder", "package extra2; public class Folder { public static int answer() "
                + "{ return 42; } }");
        Path ck = WORK.resolve("checkpoints");
        Map<String, JsonObject> plan = new LinkedHashMap<>();
        plan.put("value", exec("int x = 5;\nx + 1"));
        plan.put("string", exec("String greeting = \"hi\";\ngreeting"));
        plan.put("imports", exec("Trainer.class.getName() + \" \" + Table.class.getSimpleName() + \" \" "
                + "+ XYChart.class.getSimpleName()"));
        plan.put("classpathList", exec("%classpath"));
        plan.put("jars", exec("%jars " + jar + "\nnew extra.Hello().greet()"));
        plan.put("classpathAdd", exec("%classpath " + folder + "\nextra2.Folder.answer()"));
        plan.put("streams", exec("for (int i = 0; i < 4; i++) { System.out.println(\"tick \" + i); Thread.sleep(500); }\n"
                + "System.out.print(\"partial\");\nThread.sleep(1500);\nSystem.err.println(\"careful\");"));
        plan.put("table", exec("Table.create(\"t\").addColumns(IntColumn.create(\"a\", 1, 2, 3))"));
        plan.put("chart", exec("XYChart c = new XYChartBuilder().width(300).height(200).title(\"squares\").build();\n"
                + "c.addSeries(\"s\", new double[] {1, 2, 3}, new double[] {1, 4, 9});\nc"));
        plan.put("image", exec("new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB)"));
        plan.put("show", exec("show(Table.create(\"shown\").addColumns(IntColumn.create(\"b\", 7, 8)));"));
        plan.put("live", exec("var h = LiveDisplay.current().show(\"step 0\");\n"
                + "for (int i = 1; i <= 3; i++) { Thread.sleep(200); h.update(\"step \" + i); }"));
        plan.put("compileError", exec("int a = 1;\nString s = a.foo();"));
        plan.put("runtimeError", exec("int half(int v) {\n    return 10 / v;\n}\nint zero = 0;\nhalf(zero)"));
        plan.put("libraryError", exec("int e = 1;\nTrainer.create().epochs(-3)"));
        plan.put("keep", exec("int kept = 42;"));
        plan.put("interruptLoop", json("op", "execute_interrupt", "code",
                "long spins = 0;\nwhile (true) { if (spins++ == 0) System.out.println(\"looping\"); }", "after_output", "looping",
                "after", 0.5, "timeout", 120));
        plan.put("afterLoop", exec("kept"));
        plan.put("sigint", json("op", "execute_interrupt", "code", "System.out.println(\"sleeping\");\nThread.sleep(600_000);",
                "after_output", "sleeping", "after", 0.5, "timeout", 120, "signal", true));
        plan.put("afterSigint", exec("kept + 1"));
        plan.put("data", exec("var rng = new Random(1);\nint n = 4000, d = 20;\nfloat[] f = new float[n * d];\n"
                + "int[] y = new int[n];\nfor (int i = 0; i < n; i++) { y[i] = i % 2; for (int j = 0; j < d; j++) "
                + "f[i * d + j] = (float) (rng.nextGaussian() + (y[i] == 1 && j == 0 ? 2 : 0)); }\n"
                + "Dataset ds = new Dataset(\"toy\", f, y, new int[] {d}, 2);\nSplits sp = new Splits(\"toy\", ds, ds, ds);\n"
                + "Path ck = Path.of(\"" + ck + "\");"));
        plan.put("interruptTraining", json("op", "execute_interrupt", "code",
                "System.out.println(\"training\");\nTrainer.create().epochs(1_000_000).batchSize(20).checkpointDir(ck)"
                        + ".fit(SoftmaxRegression.create(d, 2, 1), sp)",
                "after_output", "training", "after", 4, "timeout", 180));
        plan.put("checkpoint", exec("Checkpoint.load(ck.resolve(Checkpoint.FILE_NAME)).epochsDone() + \" \" + kept"));
        plan.put("completeOurs", json("op", "complete", "code", "Trainer.cre", "cursor", 11));
        plan.put("completeJdk", json("op", "complete", "code", "Math.ma", "cursor", 7));
        plan.put("completeVariable", json("op", "complete", "code", "int k = 1;\ngreeting.toUpp", "cursor", 25));
        plan.put("inspectJdk", json("op", "inspect", "code", "Math.max(1, 2)", "cursor", 6));
        plan.put("inspectOurs", json("op", "inspect", "code", "var t = Trainer.create();", "cursor", 18));
        plan.put("inspectOursMethod", json("op", "inspect", "code", "Trainer.create().epochs(3)", "cursor", 20));
        plan.put("inspectOursClass", json("op", "inspect", "code", "Trainer t = null;", "cursor", 3));
        plan.put("inspectJdkMethod", json("op", "inspect", "code", "\"abc\".toUpperCase()", "cursor", 9));
        plan.put("inspectUserJar", json("op", "inspect", "code", "new extra.Hello().greet()", "cursor", 20));
        plan.put("restart", json("op", "restart", "timeout", 120));
        plan.put("afterRestart", exec("x"));
        plan.put("shutdown", json("op", "shutdown"));
        JsonArray list = new JsonArray();
        plan.values().forEach(list::add);
        JsonObject out = KernelHarness.drive(json("mode", "session", "kernel", kernel, "startup_timeout", 120, "steps", list),
                1800, null).get(0);
        JsonArray results = out.getAsJsonArray("steps");
        List<String> names = new ArrayList<>(plan.keySet());
        for (int i = 0; i < names.size(); i++) {
            steps.put(names.get(i), results.get(i).getAsJsonObject());
        }
    }

    @Test
    void theLastExpressionOfACellIsItsResult() {
        assertEquals("6", result("value").get("text/plain").getAsString());
        assertEquals("hi", result("string").get("text/plain").getAsString(), "a String shows as plain text");
    }

    @Test
    void defaultImportsAndTheKernelClassPathNeedNoJarsCell() {
        assertEquals("org.plasticity.train.Trainer Table XYChart", result("imports").get("text/plain").getAsString());
        String cp = stdout("classpathList");
        assertTrue(cp.contains("plasticity-0.1.0-SNAPSHOT.jar") && cp.contains("tablesaw-core"), cp);
    }

    @Test
    void jarsAndClasspathMagicsAddToTheClassPath() {
        assertEquals("hello from a jar", result("jars").get("text/plain").getAsString(), errors("jars"));
        assertEquals("42", result("classpathAdd").get("text/plain").getAsString(), errors("classpathAdd"));
    }

    @Test
    void stdoutAndStderrAreStreamedWhileTheCellRuns() {
        JsonObject s = steps.get("streams");
        assertOk(s);
        double end = s.get("t0").getAsDouble() + s.get("seconds").getAsDouble();
        JsonObject tick0 = stream(s, "stdout", "tick 0");
        JsonObject partial = stream(s, "stdout", "partial");
        assertTrue(tick0.get("t").getAsDouble() < end - 2.5, "tick 0 arrived only at the end of the cell");
        assertTrue(partial.get("t").getAsDouble() < end - 0.8, "a print without newline waited for the end of the cell");
        assertTrue(outputs(s, "stream").size() >= 4, "expected separate stream messages while the cell ran");
        stream(s, "stderr", "careful");
    }

    @Test
    void tablesShowAsHtmlAndChartsAsImages() {
        assertTrue(result("table").get("text/html").getAsString().contains("<table"), "table as HTML");
        JsonObject chart = result("chart");
        assertTrue(chart.has("image/png") && chart.get("image/png").getAsString().length() > 1000, "chart as PNG: "
                + chart.keySet());
        assertTrue(result("image").has("image/png"), "a BufferedImage as PNG: " + result("image").keySet());
        List<JsonObject> shown = outputs(steps.get("show"), "display_data");
        assertEquals(1, shown.size(), "show(x) publishes one display");
        assertTrue(shown.get(0).getAsJsonObject("data").get("text/html").getAsString().contains("shown"));
    }

    @Test
    void liveDisplaysUpdateInPlaceByDisplayId() {
        JsonObject s = steps.get("live");
        assertOk(s);
        List<JsonObject> first = outputs(s, "display_data");
        List<JsonObject> updates = outputs(s, "update_display_data");
        assertEquals(1, first.size());
        String id = first.get(0).getAsJsonObject("transient").get("display_id").getAsString();
        assertEquals(3, updates.size());
        for (JsonObject u : updates) {
            assertEquals(id, u.getAsJsonObject("transient").get("display_id").getAsString());
        }
        assertEquals("step 3", updates.get(2).getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void aCompileErrorPointsAtTheCellLineAndColumn() {
        JsonObject err = error("compileError");
        assertEquals("CompileError", err.get("ename").getAsString());
        // "String s = a.foo();": javac reports the dereference at the dot after a (column 13)
        assertEquals("line 2, column 13: int cannot be dereferenced", err.get("evalue").getAsString());
        String tb = traceback(err);
        assertTrue(tb.contains("    2 | String s = a.foo();\n      |             ^"), tb);
    }

    @Test
    void aRuntimeExceptionShowsTheCellLinesFirstAndNoKernelFrames() {
        JsonObject err = error("runtimeError");
        assertEquals("java.lang.ArithmeticException: / by zero", err.get("evalue").getAsString());
        String tb = traceback(err);
        assertTrue(tb.indexOf("in this cell:") < tb.indexOf("stack"), tb);
        assertTrue(tb.contains("at cell line 2: return 10 / v;") && tb.contains("at cell line 5: half(zero)"), tb);
        noMachinery(tb);
        String lib = traceback(error("libraryError"));
        assertTrue(lib.contains("at cell line 2: Trainer.create().epochs(-3)"), lib);
        int stack = lib.indexOf("stack");
        assertTrue(lib.indexOf("org.plasticity.train.", stack) > stack, "library frames after the cell lines: " + lib);
        noMachinery(lib);
    }

    @Test
    void interruptStopsAnEndlessLoopAndTheKernelKeepsItsState() {
        JsonObject err = error("interruptLoop");
        assertEquals("Interrupted", err.get("ename").getAsString());
        assertTrue(err.get("evalue").getAsString().contains("ignored the interrupt"), err.toString());
        assertEquals("42", result("afterLoop").get("text/plain").getAsString());
    }

    @Test
    void sigintInterruptsTheCellInsteadOfEndingTheKernel() {
        JsonObject err = error("sigint");
        assertEquals("Interrupted", err.get("ename").getAsString());
        assertFalse(err.get("evalue").getAsString().contains("ignored"), "a sleeping cell ends on the interrupt: " + err);
        assertEquals("43", result("afterSigint").get("text/plain").getAsString());
    }

    @Test
    void interruptStopsTrainingBetweenBatchesAndLeavesItsCheckpointIntact() {
        JsonObject s = steps.get("interruptTraining");
        JsonObject err = error("interruptTraining");
        assertEquals("Interrupted", err.get("ename").getAsString());
        String why = err.get("evalue").getAsString();
        assertTrue(why.contains("training interrupted in epoch") && !why.contains("ignored"), why);
        assertFalse(outputs(s, "display_data").isEmpty(), "the training showed a live progress display");
        assertFalse(outputs(s, "update_display_data").isEmpty(), "the progress display was updated in place");
        String[] ck = result("checkpoint").get("text/plain").getAsString().split(" ");
        assertTrue(Integer.parseInt(ck[0]) >= 1, "checkpoint holds finished epochs: " + ck[0]);
        assertEquals("42", ck[1]);
    }

    @Test
    void tabCompletesOurApiTheJdkAndCellVariables() {
        assertTrue(matches("completeOurs").contains("create()"), matches("completeOurs").toString());
        assertTrue(matches("completeJdk").contains("max("), matches("completeJdk").toString());
        assertTrue(matches("completeVariable").contains("toUpperCase("), matches("completeVariable").toString());
        JsonObject r = steps.get("completeOurs").getAsJsonObject("reply");
        assertEquals(8, r.get("cursor_start").getAsInt());
        assertEquals(11, r.get("cursor_end").getAsInt());
        assertEquals(20, steps.get("completeVariable").getAsJsonObject("reply").get("cursor_start").getAsInt());
    }

    @Test
    void shiftTabShowsTheSignatureOfTheNameUnderTheCursor() {
        JsonObject jdk = steps.get("inspectJdk").getAsJsonObject("reply");
        assertTrue(jdk.get("found").getAsBoolean(), jdk.toString());
        assertTrue(jdk.getAsJsonObject("data").get("text/plain").getAsString().contains("int Math.max(int a, int b)"));
        JsonObject ours = steps.get("inspectOurs").getAsJsonObject("reply");
        assertTrue(ours.get("found").getAsBoolean(), ours.toString());
        assertTrue(ours.getAsJsonObject("data").get("text/plain").getAsString().contains("Trainer Trainer.create()"),
                ours.toString());
    }

    @Test
    void shiftTabShowsTheJavadocOfTheJdkOurApiAndAUsersJar() {
        Path srcZip = Path.of(System.getProperty("java.home"), "lib", "src.zip");
        assertTrue(Files.isReadable(srcZip), srcZip + " is missing: install the JDK's sources (Debian: openjdk-17-source; "
                + ".ci/run and kernel-spec/install-kernel.sh do)");
        assertInspection("inspectJdk", "int Math.max(int a, int b)", "Returns the greater of two {@code int} values");
        assertInspection("inspectJdkMethod", "String.toUpperCase()", "Converts all of the characters in this");
        // Ours, from target/plasticity-*-sources.jar (install-kernel.sh copies it into the kernel's src/).
        assertInspection("inspectOurs", "Trainer Trainer.create()", "A trainer with {@link TrainerConfig#defaults()}");
        assertInspection("inspectOursMethod", "Trainer Trainer.epochs(int n)", "Number of epochs.");
        assertInspection("inspectOursClass", "Trainer", "The one training loop of the project.");
        // A jar added with %jars: its X-sources.jar beside it.
        assertInspection("inspectUserJar", "Hello.greet()", "Greets the reader of a user's jar.");
    }

    private void assertInspection(String step, String signature, String javadoc) {
        JsonObject reply = steps.get(step).getAsJsonObject("reply");
        assertTrue(reply.get("found").getAsBoolean(), step + ": " + reply);
        String text = reply.getAsJsonObject("data").get("text/plain").getAsString();
        assertTrue(text.contains(signature), step + ": no signature '" + signature + "' in\n" + text);
        assertTrue(text.contains(javadoc), step + ": no Javadoc '" + javadoc + "' in\n" + text);
        String html = reply.getAsJsonObject("data").get("text/html").getAsString();
        assertTrue(html.contains(javadoc.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")),
                step + ": no Javadoc in the HTML\n" + html);
    }

    @Test
    void restartAndShutdownLeaveNoKernelProcessBehind() {
        JsonObject r = steps.get("restart");
        assertFalse(r.has("error"), r.toString());
        long oldPid = r.get("old_pid").getAsLong();
        long newPid = r.get("new_pid").getAsLong();
        assertNotEquals(oldPid, newPid);
        assertFalse(r.get("old_alive").getAsBoolean(), "the kernel JVM before the restart is still running");
        assertEquals("CompileError", error("afterRestart").get("ename").getAsString(), "a restart starts fresh");
        JsonObject sd = steps.get("shutdown");
        assertFalse(sd.get("alive_after").getAsBoolean(), "the kernel JVM outlived shutdown_request");
        for (long pid : new long[] {oldPid, newPid}) {
            assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "process " + pid + " is still in the table");
        }
    }

    // ---- helpers ----

    private static JsonObject exec(String code) {
        return json("op", "execute", "code", code, "timeout", 180);
    }

    private void assertOk(JsonObject s) {
        assertFalse(s.has("error"), s.toString());
        assertEquals("ok", s.getAsJsonObject("reply").get("status").getAsString(), s.toString());
    }

    private JsonObject result(String step) {
        JsonObject s = steps.get(step);
        assertOk(s);
        List<JsonObject> r = outputs(s, "execute_result");
        assertEquals(1, r.size(), step + ": " + s);
        return r.get(0).getAsJsonObject("data");
    }

    private JsonObject error(String step) {
        JsonObject s = steps.get(step);
        assertFalse(s.has("error"), s.toString());
        assertEquals("error", s.getAsJsonObject("reply").get("status").getAsString(), s.toString());
        List<JsonObject> e = outputs(s, "error");
        assertEquals(1, e.size(), s.toString());
        return e.get(0);
    }

    private String errors(String step) {
        return outputs(steps.get(step), "error").toString();
    }

    private static List<JsonObject> outputs(JsonObject step, String type) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : step.getAsJsonArray("outputs")) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("msg_type").getAsString().equals(type)) {
                JsonObject c = o.getAsJsonObject("content").deepCopy();
                c.add("t", o.get("t"));
                out.add(c);
            }
        }
        return out;
    }

    private static JsonObject stream(JsonObject step, String name, String text) {
        return outputs(step, "stream").stream()
                .filter(o -> o.get("name").getAsString().equals(name) && o.get("text").getAsString().contains(text))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " stream with '" + text + "' in " + step));
    }

    private String stdout(String step) {
        return outputs(steps.get(step), "stream").stream().map(o -> o.get("text").getAsString()).collect(Collectors.joining());
    }

    private List<String> matches(String step) {
        List<String> out = new ArrayList<>();
        steps.get(step).getAsJsonObject("reply").getAsJsonArray("matches").forEach(m -> out.add(m.getAsString()));
        return out;
    }

    private static String traceback(JsonObject err) {
        List<String> lines = new ArrayList<>();
        err.getAsJsonArray("traceback").forEach(l -> lines.add(l.getAsString().replaceAll("\u001b\\[[0-9;]*m", "")));
        return String.join("\n", lines);
    }

    private static void noMachinery(String tb) {
        for (String m : List.of("org.plasticity.kernel", "jdk.jshell", "jdk.internal.reflect", "java.lang.reflect")) {
            assertFalse(tb.contains(m), "kernel frames (" + m + ") in:\n" + tb);
        }
    }

    private static Path compileFolder(String pkg, String cls, String source) throws IOException {
        Path src = WORK.resolve("src-" + pkg).resolve(pkg).resolve(cls + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source, StandardCharsets.UTF_8);
        Path out = WORK.resolve("classes-" + pkg);
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", out.toString(), src.toString()));
        return out;
    }

    private static Path compileJar(String pkg, String cls, String source) throws IOException {
        Path classes = compileFolder(pkg, cls, source);
        Path jar = WORK.resolve(pkg + ".jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        // X-sources.jar beside X.jar: the kernel's Shift-Tab reads the Javadoc from it.
        Path srcRoot = WORK.resolve("src-" + pkg);
        try (OutputStream os = Files.newOutputStream(WORK.resolve(pkg + "-sources.jar")); JarOutputStream j =
                new JarOutputStream(os); Stream<Path> files = Files.walk(srcRoot)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                j.putNextEntry(new JarEntry(srcRoot.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        return jar;
    }
}
