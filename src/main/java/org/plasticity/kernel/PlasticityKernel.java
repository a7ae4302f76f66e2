package org.plasticity.kernel;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import org.plasticity.notebook.DefaultImports;

/**
 * The Plasticity Jupyter kernel: JShell on IJava's base library ({@code jupyter-jvm-basekernel}),
 * running cells in the kernel's JVM so results are rendered as objects by the project's
 * {@link org.plasticity.notebook.MimeRenderer}.
 *
 * <p>What a cell gets: the {@linkplain DefaultImports default imports} and the kernel's class path
 * (no {@code %jars} needed for the library); {@code %jars} and {@code %classpath} for more;
 * stdout/stderr streamed while the cell runs; the value of the last expression displayed;
 * {@code show(x)} and live {@code display_id} updates; Tab completion and Shift-Tab inspection
 * (signatures and Javadoc: the JDK's through JShell from {@code lib/src.zip}, ours and a user's jar's
 * from sources jars, see {@link SourceDocs}); compile errors at cell line and column;
 * exceptions with the cell's lines first; interrupt ({@code interrupt_request} or SIGINT) that
 * stops the running cell and keeps the kernel and its state.
 */
public final class PlasticityKernel extends BaseKernel {

    /** What cells see as the kernel's name. */
    public static final String NAME = "Plasticity Java kernel";

    private final List<String> classPath;
    private final PrintStream log;
    private final CellExecutionControl.Provider engine = new CellExecutionControl.Provider();
    private final CompletableFuture<JShell> shell = new CompletableFuture<>();
    private final Map<String, Integer> snippetLines = new HashMap<>();
    private final CellStreams streams = new CellStreams();
    private final SourceDocs sourceDocs;
    private volatile boolean executing;
    private volatile boolean interruptRequested;

    /**
     * A kernel whose cells compile and run against {@code classPath}.
     *
     * @param classPath class path entries (jars, class folders) every cell sees
     * @param log where the kernel's own messages go (never a cell's output)
     */
    public PlasticityKernel(List<String> classPath, PrintStream log) {
        this.classPath = List.copyOf(classPath);
        this.log = log;
        this.sourceDocs = SourceDocs.forClassPath(this.classPath);
    }

    /**
     * Creates JShell, adds the class path and evaluates the default imports, on a background thread,
     * so the kernel answers {@code kernel_info} at once; requests that need JShell wait for it.
     */
    public void startInBackground() {
        Thread t = new Thread(() -> {
            try {
                shell.complete(createShell());
            } catch (Throwable e) { // report any start-up failure to every later request
                log.println("plasticity kernel: JShell start failed: " + e);
                shell.completeExceptionally(e);
            }
        }, "plasticity-jshell-start");
        t.setDaemon(true);
        t.start();
    }

    private JShell createShell() {
        long t0 = System.nanoTime();
        JShell js = JShell.builder().executionEngine(engine, Map.of()).build();
        for (String entry : classPath) {
            js.addToClasspath(entry);
        }
        long t1 = System.nanoTime();
        evalDefaultImports(js);
        long t2 = System.nanoTime();
        // Warm the compiler and the execution path once, so the user's first cell is not the slow one.
        for (SnippetEvent e : js.eval("String.valueOf(1 + 1)")) {
            js.drop(e.snippet());
        }
        KernelSession.install(KernelDisplays.live(this, streams));
        long t3 = System.nanoTime();
        log.printf(java.util.Locale.ROOT, "plasticity kernel: JShell ready in %.2f s (JVM up %.2f s; create %.2f, "
                + "%d default imports %.2f, first eval %.2f)%n", (t3 - t0) / 1e9,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, (t1 - t0) / 1e9,
                DefaultImports.lines().size(), (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        return js;
    }

    /**
     * The default imports as one import snippet (JShell accepts several import declarations in one
     * snippet, and compiles them once instead of once per line: about half of the kernel's start-up
     * work); when that one is rejected, line by line, so the offending import is named and the others stay.
     */
    private void evalDefaultImports(JShell js) {
        List<String> lines = DefaultImports.lines();
        List<SnippetEvent> all = js.eval(String.join(" ", lines));
        if (!all.isEmpty() && all.get(0).status() != Snippet.Status.REJECTED) {
            return;
        }
        for (String line : lines) {
            for (SnippetEvent e : js.eval(line)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    log.println("plasticity kernel: default import rejected: " + line + " "
                            + js.diagnostics(e.snippet()).map(d -> d.getMessage(null)).collect(Collectors.toList()));
                }
            }
        }
    }

    private JShell shell() throws Exception {
        try {
            while (true) {
                try {
                    return shell.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    checkInterrupt(); // still starting: an interrupt must not wait for it
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell could not start: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("Java").version(Runtime.version().toString()).mimetype("text/x-java-source")
                .fileExtension(".jshell").pygments("java").codemirror("text/x-java").build();
    }

    @Override
    public String getBanner() {
        return NAME + " (JShell, Java " + Runtime.version() + ")";
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        interruptRequested = false;
        engine.control().beginCell();
        executing = true;
        PrintStream jupyterOut = System.out; // the base library set these to the cell's Jupyter streams
        PrintStream jupyterErr = System.err;
        streams.begin(jupyterOut, jupyterErr);
        System.setOut(streams.out());
        System.setErr(streams.err());
        try {
            JShell js = shell();
            Magics.Parsed parsed = Magics.parse(code);
            for (String magic : parsed.magics()) {
                runMagic(js, magic);
            }
            Object value = run(js, CellSource.split(parsed.code(), js.sourceCodeAnalysis()));
            return value == NO_VALUE ? null : KernelDisplays.of(value);
        } finally {
            streams.finish(10_000);
            System.setOut(jupyterOut);
            System.setErr(jupyterErr);
            executing = false;
        }
    }

    private static final Object NO_VALUE = new Object();

    /** Evaluates the snippets of a cell in order; returns the last expression's value or {@link #NO_VALUE}. */
    private Object run(JShell js, CellSource cell) throws CellError {
        Object value = NO_VALUE;
        List<CellSource.Chunk> chunks = cell.chunks();
        for (int i = 0; i < chunks.size(); i++) {
            CellSource.Chunk chunk = chunks.get(i);
            checkInterrupt();
            List<SnippetEvent> events = js.eval(chunk.source());
            if (interruptRequested) {
                String why = events.stream().map(SnippetEvent::exception).filter(java.util.Objects::nonNull)
                        .map(ErrorReports::describe).findFirst().orElse(null);
                throw interrupted(why);
            }
            value = NO_VALUE;
            for (SnippetEvent e : events) {
                if (e.causeSnippet() != null) {
                    continue; // an update of a dependent snippet, not this one
                }
                Snippet s = e.snippet();
                snippetLines.put(s.id(), cell.line(firstCodeOffset(cell.cell(), chunk.start())));
                if (e.status() == Snippet.Status.REJECTED) {
                    throw ErrorReports.compileError(cell, chunk, js.diagnostics(s).collect(Collectors.toList()));
                }
                if (e.exception() != null) {
                    throw ErrorReports.runtimeError(e.exception(), cell, snippetLines);
                }
                if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    System.err.println("note: " + describe(s) + " can be used once "
                            + js.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s).collect(Collectors.joining(", "))
                            + " is defined");
                }
                if (i == chunks.size() - 1 && isValueSnippet(s) && e.value() != null) {
                    value = engine.control().lastValue();
                }
            }
        }
        return value;
    }

    /** JShell numbers a snippet's lines from its first non-blank character. */
    private static int firstCodeOffset(String cell, int from) {
        int i = from;
        while (i < cell.length() && Character.isWhitespace(cell.charAt(i))) {
            i++;
        }
        return i;
    }

    private void checkInterrupt() throws Interrupted {
        if (interruptRequested) {
            throw interrupted(null);
        }
    }

    private Interrupted interrupted(String why) {
        String how = engine.control().stopWasForced()
                ? "the cell ignored the interrupt for " + CellExecutionControl.GRACE_MILLIS / 1000 + " s and was stopped"
                        + (engine.control().forcedIn() == null ? "" : " in " + engine.control().forcedIn())
                : "the cell was stopped";
        return new Interrupted(how + "; the kernel and its variables are kept" + (why == null ? "" : " (" + why + ")"));
    }

    private static boolean isValueSnippet(Snippet s) {
        if (s instanceof ExpressionSnippet) {
            return true;
        }
        return s instanceof VarSnippet && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private static String describe(Snippet s) {
        return s.source().strip().lines().findFirst().orElse(s.id());
    }

    private void runMagic(JShell js, String magic) {
        String name = Magics.name(magic);
        Path cwd = Path.of("").toAbsolutePath();
        List<String> args = Magics.args(magic);
        switch (name) {
            case "jars" -> {
                if (args.isEmpty()) {
                    throw new IllegalArgumentException("%jars needs at least one jar, folder or glob");
                }
                for (String a : args) {
                    for (Path jar : Magics.jars(a, cwd)) {
                        js.addToClasspath(jar.toString());
                        sourceDocs.addSiblingOf(jar);
                        System.out.println("added " + jar);
                    }
                }
            }
            case "classpath" -> {
                if (args.isEmpty()) {
                    System.out.println(String.join("\n", classPathNow()));
                }
                for (String a : args) {
                    for (Path p : Magics.classpathEntries(a, cwd)) {
                        js.addToClasspath(p.toString());
                        sourceDocs.addSiblingOf(p);
                        added.add(p.toString());
                        System.out.println("added " + p);
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown magic %" + name
                    + ": this kernel has %jars PATH... and %classpath [ENTRY...]");
        }
    }

    private final List<String> added = new ArrayList<>();

    private List<String> classPathNow() {
        List<String> all = new ArrayList<>(classPath);
        all.addAll(added);
        return all;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) throws Exception {
        JShell js = shell();
        Cursor cursor = Cursor.at(js, code, at);
        if (cursor == null) {
            return null;
        }
        String src = cursor.source();
        int pos = cursor.position();
        List<SourceCodeAnalysis.Documentation> docs = documentation(js.sourceCodeAnalysis(), src, pos);
        if (docs.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            String signature = shortNames(js, d.signature());
            text.append(signature).append('\n');
            html.append("<pre><b>").append(escape(signature)).append("</b></pre>");
            String javadoc = d.javadoc();
            if (javadoc == null || javadoc.isBlank()) {
                javadoc = sourceDocs.javadoc(d.signature(), name -> classCandidates(js, name)); // our API, users' jars
            }
            if (javadoc != null && !javadoc.isBlank()) {
                text.append(javadoc.strip().indent(4)).append('\n');
                html.append("<pre>").append(escape(javadoc.strip())).append("</pre>");
            }
        }
        DisplayData data = new DisplayData(text.toString().strip());
        data.putHTML(html.toString());
        return data;
    }

    /** One import declaration: group 1 {@code static} (or null), group 2 the name, {@code pkg.*} for on-demand. */
    private static final java.util.regex.Pattern IMPORT =
            java.util.regex.Pattern.compile("\\bimport\\s+(static\\s+)?([\\w$.]+(?:\\.\\*)?)\\s*;");

    /** The session's non-static import declarations: [0] single-type names, [1] on-demand ones ({@code pkg.*}). */
    private static List<List<String>> importedNames(JShell js) {
        // From the snippets' source text: one import snippet may hold several declarations (the default imports do).
        List<String> singles = new ArrayList<>();
        List<String> onDemand = new ArrayList<>();
        js.imports().filter(i -> js.status(i).isActive()).forEach(i -> {
            java.util.regex.Matcher m = IMPORT.matcher(i.source());
            while (m.find()) {
                if (m.group(1) == null) {
                    (m.group(2).endsWith(".*") ? onDemand : singles).add(m.group(2));
                }
            }
        });
        return List.of(singles, onDemand);
    }

    /**
     * A signature with the names the session imports (and {@code java.lang}) written without their
     * package, as JShell writes them when each import is a snippet of its own.
     */
    static String shortNames(JShell js, String signature) {
        List<List<String>> names = importedNames(js);
        String out = signature;
        for (String single : names.get(0)) {
            String simple = single.substring(single.lastIndexOf('.') + 1);
            out = out.replaceAll("(?<![\\w$.])" + java.util.regex.Pattern.quote(single) + "(?![\\w$])", simple);
        }
        List<String> packages = new ArrayList<>(names.get(1));
        packages.add("java.lang.*");
        for (String pkg : packages) {
            String p = pkg.substring(0, pkg.length() - 2);
            out = out.replaceAll("(?<![\\w$.])" + java.util.regex.Pattern.quote(p) + "\\.(?=[A-Z])", "");
        }
        return out;
    }

    /**
     * The fully qualified names a class name as JShell printed it may stand for: itself when qualified,
     * else through the session's imports (single-type imports first, then on-demand ones).
     */
    static List<String> classCandidates(JShell js, String name) {
        int dot = name.indexOf('.');
        String first = dot < 0 ? name : name.substring(0, dot);
        String rest = dot < 0 ? "" : name.substring(dot);
        List<String> out = new ArrayList<>();
        if (!first.isEmpty() && Character.isLowerCase(first.charAt(0))) {
            out.add(name); // starts with a package
            return out;
        }
        List<List<String>> names = importedNames(js);
        List<String> singles = names.get(0);
        List<String> onDemand = names.get(1);
        for (String fullname : singles) {
            if (fullname.endsWith("." + first)) {
                out.add(fullname + rest);
            }
        }
        for (String fullname : onDemand) { // "pkg.*"
            out.add(fullname.substring(0, fullname.length() - 1) + name);
        }
        out.add(name);
        return out;
    }

    /**
     * JShell documents the element that ends at the cursor (it reads the code up to it): for the name
     * under the cursor, try the end of the name, or just past its {@code (} for a call (the
     * signatures), and the cursor itself last (inside a call's arguments).
     */
    private static List<SourceCodeAnalysis.Documentation> documentation(SourceCodeAnalysis sca, String src, int pos) {
        int end = pos;
        while (end < src.length() && Character.isJavaIdentifierPart(src.charAt(end))) {
            end++;
        }
        List<Integer> tries = new ArrayList<>();
        if (end < src.length() && src.charAt(end) == '(') {
            tries.add(end + 1);
        }
        tries.add(end);
        tries.add(pos);
        for (int at : tries) {
            List<SourceCodeAnalysis.Documentation> docs = sca.documentation(src, at, true);
            if (!docs.isEmpty()) {
                return docs;
            }
        }
        return List.of();
    }

    @Override
    public ReplacementOptions complete(String code, int at) throws Exception {
        JShell js = shell();
        Cursor cursor = Cursor.at(js, code, at);
        if (cursor == null) {
            return null;
        }
        String src = cursor.source();
        int pos = cursor.position();
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = js.sourceCodeAnalysis().completionSuggestions(src, pos, anchor);
        Set<String> matching = new LinkedHashSet<>();
        Set<String> other = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            (s.matchesType() ? matching : other).add(s.continuation());
        }
        matching.addAll(other);
        if (matching.isEmpty()) {
            return null;
        }
        return new ReplacementOptions(new ArrayList<>(matching), cursor.start() + anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        JShell js = shell.getNow(null);
        if (js == null) {
            return IS_COMPLETE_MAYBE;
        }
        String rest = Magics.parse(code).code();
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = js.sourceCodeAnalysis().analyzeCompletion(rest);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return "    ";
                }
                case UNKNOWN -> {
                    return IS_COMPLETE_BAD;
                }
                default -> {
                    if (info.remaining().length() >= rest.length()) {
                        return IS_COMPLETE_YES;
                    }
                    rest = info.remaining();
                }
            }
        }
        return IS_COMPLETE_YES;
    }

    /**
     * Stops the running cell (the next cells run with the state it left): called for
     * {@code interrupt_request} and on SIGINT. Returns at once; the stop runs on its own thread.
     */
    @Override
    public void interrupt() {
        if (!executing) {
            return;
        }
        interruptRequested = true;
        Thread t = new Thread(() -> engine.control().stop(), "plasticity-interrupt");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        interruptRequested = true;
        engine.control().stop();
        streams.close();
        JShell js = shell.getNow(null);
        if (js != null) {
            try {
                js.close();
            } catch (RuntimeException e) {
                log.println("plasticity kernel: closing JShell: " + e);
            }
        }
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellError ce) {
            List<String> lines = new ArrayList<>();
            List<String> report = ce.report();
            for (int i = 0; i < report.size(); i++) {
                lines.add(i == 0 ? errorStyler.secondary(report.get(i)) : report.get(i));
            }
            return lines;
        }
        return super.formatError(e);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String toString() {
        return getBanner();
    }

    /**
     * The snippet of a cell under the cursor, as JShell's source analysis sees it: magics stripped, the cell cut
     * into snippets, and the cursor moved into the snippet that holds it (shared by completion and inspection).
     *
     * @param source the snippet's source
     * @param start where {@code source} starts in the cell
     * @param position the cursor within {@code source}
     */
    private record Cursor(String source, int start, int position) {

        /** The snippet under cursor {@code at} of a cell, or null when the cursor is in no snippet. */
        static Cursor at(JShell js, String code, int at) {
            String cellCode = Magics.parse(code).code();
            CellSource cell = CellSource.split(cellCode, js.sourceCodeAnalysis());
            CellSource.Chunk chunk = cell.chunkAt(Math.min(at, cellCode.length()));
            if (chunk == null) {
                return null;
            }
            String src = chunk.source();
            return new Cursor(src, chunk.start(), Math.max(0, Math.min(at - chunk.start(), src.length())));
        }
    }
}
