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
 * Executes every notebook in {@code notebooks/} through the real kernel (our kernel,
 * {@code org.plasticity.kernel}, installed by {@code kernel-spec/install-kernel.sh} into
 * {@code target/jupyter}), headless, in the smoke profile, and fails on error outputs, stderr, or a
 * missing expected output (see {@link org.plasticity.notebook.run.NotebookCheck}). Each notebook
 * gets one kernel start: a start-up hang fails the test. Executed notebooks go to {@code target/notebooks-smoke}; with
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
        org.plasticity.kernel.KernelHarness.install("plasticity");
        boolean writeBack = "1".equals(System.getenv("PLASTICITY_WRITE_BACK"))
                || Boolean.getBoolean("plasticity.notebooks.writeBack");
        // One start per notebook: a start-up hang fails the test (it used to be retried away).
        NbConvert nbc = new NbConvert(NotebookRunner.DEBIAN_JUPYTER, JUPYTER_PATH, "plasticity", "smoke", 20, 900, 1,
                System.out);
        Path out = ROOT.resolve("target/notebooks-smoke");
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
            NotebookRunner.Report r = NotebookRunner.run(new NotebookRunner.Options(List.of(nb), out, nbc, writeBack,
                    false)).get(0);
            if (!r.passed()) {
                fail(r.toString());
            }
            assertEquals(1, r.result().attempts(), nb.getFileName() + " needed a second kernel start");
        }));
    }
}
