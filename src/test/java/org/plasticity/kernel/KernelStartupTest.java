package org.plasticity.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plasticity.kernel.KernelHarness.array;
import static org.plasticity.kernel.KernelHarness.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up that never hangs: our kernel is started {@value #STARTS} times in a row through
 * {@code jupyter_client} (launch, {@code kernel_info}, a first cell, a second one, shutdown), and
 * every start must answer, with no kernel JVM left running afterwards. The timings are printed, not
 * asserted (the machine may be loaded); {@code kernel-spec/benchmark-kernels.sh} measures them.
 */
@Tag("notebook")
class KernelStartupTest {

    static final int STARTS = 20;

    @Test
    void twentyStartsInARowAllAnswerAndLeaveNoJvmBehind() {
        String kernel = KernelHarness.install("plasticity");
        List<JsonObject> rows = KernelHarness.drive(json("mode", "starts", "kernels", array(new com.google.gson.JsonPrimitive(
                kernel)), "n", STARTS, "code", "1 + 1", "startup_timeout", 60, "timeout", 120), 60L * STARTS + 300,
                r -> System.out.println("kernel start: " + r));
        StartupStats s = StartupStats.of(kernel, rows);
        System.out.println(s);
        String failures = rows.stream().filter(r -> !r.get("ok").getAsBoolean()).map(JsonObject::toString)
                .collect(Collectors.joining("\n"));
        assertEquals(STARTS, s.starts());
        assertEquals(0, s.hangs(), "starts that hung:\n" + failures);
        assertEquals(0, s.failures(), "starts that failed:\n" + failures);
        assertEquals(0, s.strays(), "kernel JVMs left running after shutdown");
    }

    /**
     * The installed kernel.json passes the class-data-sharing archive that install-kernel.sh built, and
     * the JVM can really map it: started as kernel.json says but with {@code -Xshare:on} (which makes
     * an unusable archive an error instead of a silent fallback), the warm-up loads most of its classes
     * from the archive.
     */
    @Test
    void installedKernelMapsItsClassDataSharingArchive() throws Exception {
        String kernel = KernelHarness.install("plasticity");
        Path dir = KernelHarness.JUPYTER_PATH.resolve("kernels").resolve(kernel);
        JsonObject spec = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        List<String> argv = new ArrayList<>();
        for (JsonElement e : spec.getAsJsonArray("argv")) {
            argv.add(e.getAsString());
        }
        String archive = "-XX:SharedArchiveFile=" + dir.resolve("kernel.jsa");
        assertTrue(argv.contains(archive), "kernel.json does not pass " + archive + ": " + argv
                + "\n(install log: target/install-kernel-plasticity.log, warm-up log: " + dir.resolve("warm-up.log") + ")");
        assertTrue(Files.size(dir.resolve("kernel.jsa")) > 1_000_000, "kernel.jsa is nearly empty");
        List<String> cmd = new ArrayList<>(argv.subList(0, argv.size() - 1));
        cmd.add(1, "-Xshare:on");
        cmd.add(1, "-Xlog:class+load=info");
        cmd.add(KernelMain.WARM_UP);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        JsonObject env = spec.getAsJsonObject("env");
        env.keySet().forEach(k -> pb.environment().put(k, env.get(k).getAsString()));
        Process p = pb.start();
        List<String> lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).lines().toList();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "warm-up did not end");
        long shared = lines.stream().filter(l -> l.contains("source: shared objects file (top)")).count();
        long loaded = lines.stream().filter(l -> l.contains("[class,load]")).count();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        assertEquals(0, p.exitValue(), "the kernel JVM with -Xshare:on failed:\n" + tail);
        assertTrue(shared > loaded / 2, "only " + shared + " of " + loaded + " classes came from kernel.jsa:\n" + tail);
    }
}
