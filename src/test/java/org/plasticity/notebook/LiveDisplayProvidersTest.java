package org.plasticity.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.plasticity.display.ConsoleDisplay;
import org.plasticity.display.LiveDisplay;
import org.plasticity.display.LiveDisplayProvider;

/** Outside a kernel (this test JVM has the kernel jars on its class path, but runs no kernel). */
class LiveDisplayProvidersTest {

    @Test
    void everyKernelProviderIsRegisteredAndReportsNoKernel() {
        List<LiveDisplayProvider> ps = ServiceLoader.load(LiveDisplayProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(List.of(org.plasticity.kernel.KernelLiveDisplayProvider.class, RapaioLiveDisplayProvider.class,
                JJavaLiveDisplayProvider.class),
                ps.stream().map(Object::getClass).toList());
        ps.forEach(p -> assertFalse(p.isAvailable(), p.toString()));
        assertSame(ConsoleDisplay.INSTANCE, LiveDisplay.current());
    }

    @Test
    void rapaioIsDetectedOnlyByItsLauncher() {
        String saved = System.getProperty("sun.java.command");
        try {
            System.setProperty("sun.java.command", "org.rapaio.jupyter.kernel.MainApp /tmp/conn.json");
            assertTrue(KernelDetection.isRapaioKernel());
            System.setProperty("sun.java.command", "/opt/k/rapaio-jupyter-kernel-3.0.1.jar /tmp/conn.json");
            assertTrue(KernelDetection.isRapaioKernel());
            System.setProperty("sun.java.command", "org.apache.maven.surefire.booter.ForkedBooter");
            assertFalse(KernelDetection.isRapaioKernel());
        } finally {
            System.setProperty("sun.java.command", saved);
        }
    }

    @Test
    void showPrintsTheTextFormOutsideAKernel() {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Show.show(Fixtures.table());
            Show.show(Fixtures.chart());
            Show.show(Fixtures.run());
        } finally {
            System.setOut(saved);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("scores (2 rows × 2 columns)"), out);
        assertTrue(out.contains("XYChart \"curve\" (640×400 px; save with ChartExport.toPng"), out);
        assertTrue(out.contains(Fixtures.run().toText()), out);
        assertFalse(out.contains("<"), "no HTML in the console: " + out);
    }
}
