package org.plasticity.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.plasticity.notebook.run.NbConvert;
import org.plasticity.notebook.run.NotebookRunner;

/**
 * Executes every notebook in {@code notebooks/} through the real kernel (rapaio-jupyter-kernel with
 * our jar, installed by {@code kernel-spec/install-kernel.sh} into {@code target/jupyter}),
 * headless, in the smoke profile, and fails on error outputs, stderr, or a missing expected output
 * (see {@link org.plasticity.notebook.run.NotebookCheck}). Kernels that are not ready within 20 s
 * are retried (logged). Executed notebooks go to {@code target/notebooks-smoke}; with
 * {@code PLASTICITY_WRITE_BACK=1} passing ones are also written back into {@code notebooks/}.
 *
 * <p>Run by {@code kernel-spec/test.sh} (the README's test command), which installs Jupyter, builds
 * the jar and fills the data cache first. Without Jupyter this test fails and says how to install it.
 */
@Tag("notebook")
class NotebookKernelTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path JUPYTER_PATH = ROOT.resolve("target/jupyter");

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsInTheKernelWithItsExpectedOutputs() throws Exception {
        assertTrue(Files.isExecutable(NotebookRunner.DEBIAN_JUPYTER), "Jupyter is missing: " + NotebookRunner.INSTALL_HINT);
        List<Path> notebooks = NotebookRunner.discover(List.of(ROOT.resolve("notebooks")));
        assertFalse(notebooks.isEmpty(), "no notebooks in " + ROOT.resolve("notebooks"));
        installKernel();
        boolean writeBack = "1".equals(System.getenv("PLASTICITY_WRITE_BACK"))
                || Boolean.getBoolean("plasticity.notebooks.writeBack");
        NbConvert nbc = new NbConvert(NotebookRunner.DEBIAN_JUPYTER, JUPYTER_PATH, "plasticity", "smoke", 20, 900, 8,
                System.out);
        Path out = ROOT.resolve("target/notebooks-smoke");
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
            NotebookRunner.Report r = NotebookRunner.run(new NotebookRunner.Options(List.of(nb), out, nbc, writeBack,
                    false)).get(0);
            if (!r.passed()) {
                fail(r.toString());
            }
        }));
    }

    /** Installs the kernel from the packaged jar, after checking that the jar holds the compiled classes. */
    private static void installKernel() throws Exception {
        Path jar;
        try (Stream<Path> s = Files.list(ROOT.resolve("target"))) {
            jar = s.filter(p -> p.getFileName().toString().matches("plasticity-.*\\.jar")).findFirst().orElse(null);
        }
        if (jar == null) {
            fail("target/plasticity-*.jar is missing: run kernel-spec/test.sh, or 'mvn -B package -DskipTests' first");
        }
        List<String> stale = staleClasses(jar, ROOT.resolve("target/classes"));
        assertEquals(List.of(), stale, "target/" + jar.getFileName() + " is older than target/classes: run "
                + "kernel-spec/test.sh, or 'mvn -B package -DskipTests' first");
        Path log = ROOT.resolve("target/install-kernel.log");
        Process p = new ProcessBuilder("bash", "kernel-spec/install-kernel.sh", "--no-build", "--jupyter-path",
                JUPYTER_PATH.toString()).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            fail("kernel-spec/install-kernel.sh failed:\n" + Files.readString(log));
        }
    }

    /** Class files of {@code classes} that are missing from the jar or differ from its entry. */
    static List<String> staleClasses(Path jar, Path classes) throws IOException {
        List<String> stale = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile()); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                ZipEntry e = zip.getEntry(name);
                if (e == null || e.getSize() != Files.size(f) || !sameBytes(zip, e, f)) {
                    stale.add(name);
                }
            }
        }
        return stale;
    }

    private static boolean sameBytes(ZipFile zip, ZipEntry e, Path f) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            return java.util.Arrays.equals(in.readAllBytes(), Files.readAllBytes(f));
        }
    }
}
