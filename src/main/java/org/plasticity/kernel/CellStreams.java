package org.plasticity.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A cell's stdout, stderr and displays, published by one kernel thread of their own.
 *
 * <p>Cells never touch the Jupyter sockets: what they print goes into a buffer, their displays
 * into a queue, and a single publisher thread sends both, in order, every {@value #PERIOD_MILLIS}
 * ms, at each line end and at each display. So output streams while the cell runs, and an
 * interrupt of the cell thread (which makes JeroMQ abort a send half-way with {@code EINTR}) can
 * never reach a socket.
 */
final class CellStreams {

    /** How often buffered text without a line end is published. */
    static final long PERIOD_MILLIS = 100;

    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "plasticity-publisher");
        t.setDaemon(true);
        return t;
    });
    private final Buffer outBuffer = new Buffer();
    private final Buffer errBuffer = new Buffer();
    private final PrintStream out = new PrintStream(outBuffer, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBuffer, true, StandardCharsets.UTF_8);
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private volatile PrintStream targetOut;
    private volatile PrintStream targetErr;

    CellStreams() {
        publisher.scheduleWithFixedDelay(this::drain, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The stream cells see as {@code System.out}. */
    PrintStream out() {
        return out;
    }

    /** The stream cells see as {@code System.err}. */
    PrintStream err() {
        return err;
    }

    /** Starts a cell: text goes to these (the kernel library's Jupyter streams) from now on. */
    void begin(PrintStream jupyterOut, PrintStream jupyterErr) {
        targetOut = jupyterOut;
        targetErr = jupyterErr;
    }

    /**
     * Queues a publication (a display) after the text printed so far.
     *
     * @param action sends one message; runs on the publisher thread
     */
    void publish(Runnable action) {
        synchronized (queue) {
            cut();
            queue.add(action);
        }
        if (!publisher.isShutdown()) {
            publisher.execute(this::drain);
        }
    }

    /**
     * Ends a cell: publishes everything printed or queued so far and waits until it is sent (at most
     * {@code timeoutMillis}), so it all lands before the cell's result.
     */
    void finish(long timeoutMillis) {
        out.flush();
        err.flush();
        if (publisher.isShutdown()) {
            return;
        }
        Future<?> done = publisher.submit(this::drain);
        try {
            done.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a stuck publication must not hang the kernel; what is left is published with the next cell
        }
    }

    /** Stops the publisher thread. */
    void close() {
        drain();
        publisher.shutdownNow();
    }

    /** Moves the text printed so far into the queue, behind what is already there. Holds the queue lock. */
    private void cut() {
        byte[] o = outBuffer.take();
        if (o.length > 0) {
            queue.add(new Text(o, false));
        }
        byte[] e = errBuffer.take();
        if (e.length > 0) {
            queue.add(new Text(e, true));
        }
    }

    /** Sends the queue in order; only ever runs on the publisher thread (and at close). */
    private synchronized void drain() {
        List<Object> items;
        synchronized (queue) {
            cut();
            items = new ArrayList<>(queue);
            queue.clear();
        }
        for (Object item : items) {
            if (item instanceof Text t) {
                PrintStream to = t.err() ? targetErr : targetOut;
                if (to != null) {
                    to.write(t.bytes(), 0, t.bytes().length);
                    to.flush();
                }
            } else {
                ((Runnable) item).run();
            }
        }
    }

    /** Printed text waiting in the queue. */
    private record Text(byte[] bytes, boolean err) {
    }

    /** Bytes a cell printed and the publisher has not sent yet; never splits a UTF-8 character. */
    private final class Buffer extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean lineEnded;

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            lineEnded |= b == '\n';
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            for (int i = off; i < off + len && !lineEnded; i++) {
                lineEnded = b[i] == '\n';
            }
        }

        @Override
        public void flush() {
            boolean now;
            synchronized (this) {
                now = lineEnded;
                lineEnded = false;
            }
            if (now && !publisher.isShutdown()) {
                publisher.execute(CellStreams.this::drain);
            }
        }

        /** The complete characters written so far; an incomplete trailing UTF-8 sequence stays. */
        synchronized byte[] take() {
            byte[] all = bytes.toByteArray();
            int end = completeLength(all);
            bytes.reset();
            bytes.write(all, end, all.length - end);
            byte[] out = new byte[end];
            System.arraycopy(all, 0, out, 0, end);
            return out;
        }
    }

    /** Length of the longest prefix of {@code b} that does not end inside a UTF-8 sequence. */
    static int completeLength(byte[] b) {
        int n = b.length;
        int i = n - 1;
        int continuation = 0;
        while (i >= 0 && (b[i] & 0xC0) == 0x80 && continuation < 3) {
            i--;
            continuation++;
        }
        if (i < 0) {
            return n;
        }
        int lead = b[i] & 0xFF;
        int need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
        return need > continuation ? i : n;
    }
}
