package org.plasticity.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets in the kernel's own JVM, each on a fresh daemon thread, and keeps the value
 * of the last one as an object (so the kernel can render it, not only print its string).
 *
 * <p>Unlike JDK's {@code LocalExecutionControl}, which joins and on stop kills every thread of its
 * thread group (so a thread pool started by one cell blocks or dies with the next), only the cell
 * thread is waited for. {@link #stop()} interrupts that thread first, so code that checks for
 * interruption (the {@code Trainer} between batches, blocking calls) ends cleanly; if it is still
 * running after the grace period it is stopped with {@link Thread#stop()}.
 */
final class CellExecutionControl extends LocalExecutionControl {

    /** How long {@link #stop()} waits for a cooperative end before forcing it. */
    static final long GRACE_MILLIS = 5_000;

    private final Object lock = new Object();
    private Thread running;
    private boolean stopRequested;
    private boolean cancelled;
    private boolean forced;
    private String forcedIn;
    private Object lastValue;

    /** Starts a new cell: a {@link #stop()} of the previous cell no longer applies. */
    void beginCell() {
        synchronized (lock) {
            cancelled = false;
            forced = false;
            forcedIn = null;
        }
    }

    /** Whether the last stop had to use {@link Thread#stop()} (the cell ignored the interrupt). */
    boolean stopWasForced() {
        synchronized (lock) {
            return forced;
        }
    }

    /** Where the cell was when it had to be stopped (its innermost frame outside the JDK), or null. */
    String forcedIn() {
        synchronized (lock) {
            return forcedIn;
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        AtomicReference<Object> value = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try {
                value.set(doitMethod.invoke(null));
            } catch (Throwable t) { // the user's code may throw anything, ThreadDeath included
                failure.set(t);
            }
        }, "plasticity-cell");
        cell.setDaemon(true);
        cell.setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        synchronized (lock) {
            lastValue = null;
            if (cancelled) {
                throw new ExecutionControl.StoppedException(); // stopped while JShell was compiling
            }
            stopRequested = false;
            running = cell;
        }
        boolean stopped;
        try {
            cell.start();
            cell.join();
        } finally {
            synchronized (lock) {
                running = null;
                stopped = stopRequested;
            }
        }
        Throwable t = failure.get();
        if (t != null) {
            Throwable cause = t instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : t;
            if (cause instanceof ThreadDeath) {
                throw new ExecutionControl.StoppedException();
            }
            if (stopped && !(t instanceof InvocationTargetException)) {
                throw new ExecutionControl.StoppedException();
            }
            throw t instanceof Exception e ? e : new InvocationTargetException(t);
        }
        synchronized (lock) {
            lastValue = value.get();
        }
        return valueString(value.get());
    }

    /**
     * The value the last snippet returned, as an object ({@code null} for statements and for
     * snippets that failed).
     */
    Object lastValue() {
        synchronized (lock) {
            return lastValue;
        }
    }

    /** Whether a snippet is running now. */
    boolean isRunning() {
        synchronized (lock) {
            return running != null;
        }
    }

    /**
     * Stops the current cell: the running snippet, if any (interrupt, repeated every 100 ms for up to
     * {@link #GRACE_MILLIS}, then {@link Thread#stop()}), and every later snippet until
     * {@link #beginCell()}. Returns once the cell thread has ended (or after a second grace period,
     * should it ignore even that).
     */
    @Override
    @SuppressWarnings("deprecation") // Thread.stop: the only way to end a cell that never checks for interruption
    public void stop() {
        Thread cell;
        synchronized (lock) {
            cancelled = true;
            cell = running;
            if (cell == null) {
                return;
            }
            stopRequested = true;
        }
        try {
            // Interrupt again every 100 ms of the grace period: code that swallows the flag once (a library that
            // catches InterruptedException, or calls Thread.interrupted()) still sees it at its next check.
            long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000L;
            while (cell.isAlive() && System.nanoTime() < deadline) {
                cell.interrupt();
                cell.join(100);
            }
            if (cell.isAlive()) {
                String where = null;
                for (StackTraceElement f : cell.getStackTrace()) {
                    String c = f.getClassName();
                    if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                        where = f.toString();
                        break;
                    }
                }
                synchronized (lock) {
                    forced = true;
                    forcedIn = where;
                }
                cell.stop();
                cell.join(GRACE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "CellExecutionControl[running=" + isRunning() + "]";
    }

    /** Hands JShell our execution control (and keeps it, so the kernel can reach it). */
    static final class Provider implements ExecutionControlProvider {
        private final CellExecutionControl control = new CellExecutionControl();

        /** The control this provider gives JShell. */
        CellExecutionControl control() {
            return control;
        }

        @Override
        public String name() {
            return "plasticity-cell";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
