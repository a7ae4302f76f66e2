package org.plasticity.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plasticity.kernel.KernelHarness.array;
import static org.plasticity.kernel.KernelHarness.json;

import com.google.gson.JsonObject;
import java.util.List;
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
}
