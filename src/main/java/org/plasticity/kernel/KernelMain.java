package org.plasticity.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.MessageType;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of the Plasticity kernel, as {@code kernel.json} launches it:
 * <pre>
 * java -cp 'plasticity.jar:lib/*' org.plasticity.kernel.KernelMain {connection_file}
 * </pre>
 * The kernel's cells see this JVM's class path, plus the entries of {@code PLASTICITY_KERNEL_CLASSPATH}
 * ({@code :}-separated; {@code dir/*} means the folder's jars). The process ends after
 * {@code shutdown_request}, and on its own when the process that started it (Jupyter) is gone, so
 * no kernel JVM outlives its notebook server.
 */
public final class KernelMain {

    /** Written to stderr once the sockets are bound (the notebook harness watches for it). */
    public static final String BOUND = "plasticity kernel: sockets bound";
    /** Written to stderr when the first request is handled. */
    public static final String FIRST_REQUEST = "plasticity kernel: handling first request";

    /**
     * The argument that runs the kernel's start-up path once without Jupyter (JShell, default imports, a cell, a
     * table, a chart, completion, inspection) and exits. {@code install-kernel.sh} runs it under
     * {@code -XX:ArchiveClassesAtExit} to build the class-data-sharing archive that {@code kernel.json} then
     * passes with {@code -XX:SharedArchiveFile}: the JVM maps the already parsed and verified classes of javac,
     * JShell and our libraries instead of loading them again, which is most of a start's work.
     */
    public static final String WARM_UP = "--warm-up";

    /** Cells the warm-up evaluates: one of each kind of work a first notebook cell does. */
    static final List<String> WARM_UP_CELLS = List.of(
            "1 + 1",
            "var warmUp = Table.create(\"warm-up\").addColumns(IntColumn.create(\"i\", new int[] {1, 2, 3}));",
            "warmUp",
            "Charts.bar(\"warm-up\", \"x\", \"y\", List.of(\"a\", \"b\"), new double[] {1, 2})");

    /** How long a shutdown may take before the JVM is halted. */
    static final long SHUTDOWN_GRACE_MILLIS = 3_000;

    private KernelMain() {
    }

    /**
     * Starts the kernel on a connection file and blocks until it shuts down.
     *
     * @param args the connection file
     * @throws Exception when the connection file cannot be read or the sockets cannot be bound
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && WARM_UP.equals(args[0])) {
            warmUp(System.err);
            System.exit(0);
        }
        if (args.length != 1) {
            System.err.println("usage: java -cp ... " + KernelMain.class.getName() + " CONNECTION_FILE | " + WARM_UP);
            System.exit(2);
        }
        PrintStream log = System.err;
        Logger.getLogger("").setLevel(Level.WARNING); // the base library logs every loop start and message at INFO
        KernelConnectionProperties props = KernelConnectionProperties.parse(
                Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        PlasticityKernel kernel = new PlasticityKernel(classPath(), log);
        kernel.startInBackground(); // JShell starts while the sockets are set up; requests that need it wait
        JupyterConnection connection = new JupyterConnection(props);
        kernel.becomeHandlerForConnection(connection);
        markFirstRequest(connection, log);
        haltAfterShutdown(connection);
        connection.connect();
        log.println(BOUND);
        installSigint(kernel, log);
        watchParent(log);
        connection.waitUntilClose();
        System.exit(0);
    }

    /**
     * Runs {@link #WARM_UP_CELLS} through a kernel that is not connected to Jupyter.
     *
     * @param log where progress and failures go
     * @throws Exception when a warm-up cell fails (the archive would then miss the classes it needs)
     */
    static void warmUp(PrintStream log) throws Exception {
        long t0 = System.nanoTime();
        PlasticityKernel kernel = new PlasticityKernel(classPath(), log);
        kernel.startInBackground();
        for (String cell : WARM_UP_CELLS) {
            kernel.eval(cell);
        }
        kernel.complete("Trainer.create().ep", "Trainer.create().ep".length());
        kernel.inspect("Trainer.create()", 3, false);
        kernel.onShutdown(false);
        log.printf(java.util.Locale.ROOT, "plasticity kernel: warm-up done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** The cells' class path: this JVM's, then {@code PLASTICITY_KERNEL_CLASSPATH}. */
    static List<String> classPath() {
        Set<String> out = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                out.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        String extra = System.getenv("PLASTICITY_KERNEL_CLASSPATH");
        if (extra != null) {
            Path cwd = Path.of("").toAbsolutePath();
            for (String e : extra.split(File.pathSeparator)) {
                if (!e.isBlank()) {
                    Magics.classpathEntries(e, cwd).forEach(p -> out.add(p.toString()));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static void markFirstRequest(JupyterConnection connection, PrintStream log) {
        for (MessageType<?> type : List.of(MessageType.KERNEL_INFO_REQUEST, MessageType.EXECUTE_REQUEST)) {
            wrap(connection, type, log);
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean FIRST = new java.util.concurrent.atomic.AtomicBoolean();

    private static <T> void wrap(JupyterConnection connection, MessageType<T> type, PrintStream log) {
        io.github.spencerpark.jupyter.channels.ShellHandler<T> inner = connection.getHandler(type);
        connection.setHandler(type, (env, msg) -> {
            if (FIRST.compareAndSet(false, true)) {
                log.println(FIRST_REQUEST + " (" + type.getName() + ")");
            }
            inner.handle(env, msg);
        });
    }

    /** After {@code shutdown_request}: exit within {@link #SHUTDOWN_GRACE_MILLIS}, whatever hangs. */
    private static void haltAfterShutdown(JupyterConnection connection) {
        io.github.spencerpark.jupyter.channels.ShellHandler<io.github.spencerpark.jupyter.messages.request.ShutdownRequest> inner =
                connection.getHandler(MessageType.SHUTDOWN_REQUEST);
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, (env, msg) -> {
            Thread halt = new Thread(() -> {
                try {
                    Thread.sleep(SHUTDOWN_GRACE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                Runtime.getRuntime().halt(0);
            }, "plasticity-shutdown-watchdog");
            halt.setDaemon(true);
            halt.start();
            inner.handle(env, msg);
        });
    }

    /** SIGINT interrupts the running cell instead of ending the JVM (for {@code interrupt_mode: signal} clients). */
    private static void installSigint(PlasticityKernel kernel, PrintStream log) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> kernel.interrupt());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            log.println("plasticity kernel: SIGINT not handled (" + e + "); use interrupt_mode message");
        }
    }

    /** Ends the JVM when the process that launched it is gone (a killed notebook server leaves no kernel). */
    private static void watchParent(PrintStream log) {
        Optional<ProcessHandle> parent = parentProcess();
        if (parent.isEmpty()) {
            return;
        }
        ProcessHandle p = parent.get();
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
                if (!p.isAlive()) {
                    log.println("plasticity kernel: parent process " + p.pid() + " is gone, exiting");
                    Runtime.getRuntime().halt(0);
                }
            }
        }, "plasticity-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static Optional<ProcessHandle> parentProcess() {
        String env = System.getenv("JPY_PARENT_PID");
        if (env != null && env.matches("\\d+")) {
            return ProcessHandle.of(Long.parseLong(env));
        }
        return ProcessHandle.current().parent().filter(p -> p.pid() > 1);
    }
}
