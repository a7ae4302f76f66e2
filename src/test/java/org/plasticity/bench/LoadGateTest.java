package org.plasticity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoadGateTest {

    @Test
    void refusesALoadAboveTheCoresUsedAtEitherEnd() {
        LoadGate two = new LoadGate(2);
        assertNull(two.refusal(new LoadStamp(0.9, 1), new LoadStamp(2.4, 3)));
        assertNotNull(two.refusal(new LoadStamp(5.8, 7), new LoadStamp(1.0, 1)));
        assertNotNull(two.refusal(new LoadStamp(1.0, 1), new LoadStamp(2.6, 3)));
        assertNotNull(new LoadGate(1).refusal(new LoadStamp(1.0, 1), new LoadStamp(1.6, 2)));
        assertNotNull(two.refusal(new LoadStamp(Double.NaN, -1), new LoadStamp(1.0, 1)));
    }

    @Test
    void stampsTheLoadAndMarksForcedRows() {
        LoadGate two = new LoadGate(2);
        String quiet = two.stamp(new LoadStamp(0.95, 1), new LoadStamp(1.98, 2));
        assertEquals("load start 0.95/r1 end 1.98/r2 (limit 2.5)", quiet);
        assertTrue(two.stamp(new LoadStamp(6.0, 9), new LoadStamp(1.98, 2)).startsWith("MEASURED UNDER LOAD (--force)"));
    }

    @Test
    void roundsReportBestAndMedian() {
        Rounds r = new Rounds();
        assertTrue(Double.isNaN(r.best()));
        for (double v : new double[] {5, 1, 4, 2, 3}) {
            r.add(v);
        }
        assertEquals(5, r.best());
        assertEquals(3, r.median());
        r.add(10);
        assertEquals(3.5, r.median());
        assertEquals(6, r.count());
    }

    @Test
    void theLoadOfThisMachineIsReadable() {
        LoadStamp now = LoadStamp.now();
        if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/loadavg"))) {
            assertTrue(now.known() && now.load1() >= 0 && now.runnable() >= 1, now.toString());
        }
    }

    @Test
    void recognisesTheReferenceBlas() {
        assertTrue(PeerProcess.referenceBlas("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0"));
        assertTrue(!PeerProcess.referenceBlas("/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3"));
        assertTrue(!PeerProcess.referenceBlas("/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so"));
        assertTrue(!PeerProcess.referenceBlas("?"));
    }
}
