package org.plasticity.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellStreamsTest {

    @Test
    void anInterruptedCellThreadStillGetsItsOutputAndDisplaysOutInOrder() throws Exception {
        CellStreams s = new CellStreams();
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> events = new ArrayList<>();
        PrintStream o = new PrintStream(outBytes, true, StandardCharsets.UTF_8) {
            @Override
            public void flush() {
                super.flush();
                synchronized (events) {
                    events.add("out:" + outBytes.toString(StandardCharsets.UTF_8));
                }
            }
        };
        s.begin(o, new PrintStream(err, true, StandardCharsets.UTF_8));
        Thread cell = new Thread(() -> {
            Thread.currentThread().interrupt();
            s.out().println("before é");
            s.publish(() -> {
                synchronized (events) {
                    events.add("display");
                }
            });
            s.out().print("after");
            s.err().println("warn");
        });
        cell.start();
        cell.join();
        s.finish(5_000);
        s.close();
        assertEquals("before é\nafter", outBytes.toString(StandardCharsets.UTF_8));
        assertEquals("warn\n", err.toString(StandardCharsets.UTF_8));
        int display = events.indexOf("display");
        assertTrue(display > 0 && events.get(display - 1).equals("out:before é\n"), events.toString());
    }

    @Test
    void neverSplitsAUtf8Character() {
        byte[] e = "aé".getBytes(StandardCharsets.UTF_8); // 61 C3 A9
        assertEquals(3, CellStreams.completeLength(e));
        assertEquals(1, CellStreams.completeLength(new byte[] {e[0], e[1]}));
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // E2 82 AC
        assertEquals(0, CellStreams.completeLength(new byte[] {euro[0], euro[1]}));
        assertEquals(3, CellStreams.completeLength(euro));
    }
}
