package org.plasticity.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns JShell's diagnostics and exceptions into what a notebook reader can act on: compile errors
 * as "line L, column C" of the cell with the line and a caret; runtime exceptions with the cell's
 * own lines first, then the library frames, without the kernel's and JShell's frames.
 */
final class ErrorReports {

    /** Frames of these packages are machinery between the kernel and the user's code. */
    private static final List<String> MACHINERY = List.of("org.plasticity.kernel.", "jdk.internal.reflect.",
            "java.lang.reflect.Method", "jdk.jshell.", "java.lang.Thread.run");

    private ErrorReports() {
    }

    /**
     * The report of a rejected snippet.
     *
     * @param cell the cell
     * @param chunk the rejected snippet
     * @param diags its errors (warnings are skipped)
     * @return the exception to throw
     */
    static CompileError compileError(CellSource cell, CellSource.Chunk chunk, List<Diag> diags) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag d : diags) {
            if (!d.isError()) {
                continue;
            }
            long pos = d.getPosition() >= 0 ? d.getPosition() : d.getStartPosition(); // javac's own caret
            int offset = chunk.start() + (int) Math.max(0, Math.min(pos, chunk.end() - chunk.start()));
            int line = cell.line(offset);
            int column = cell.column(offset);
            String msg = d.getMessage(Locale.ROOT);
            String where = String.format(Locale.ROOT, "line %d, column %d: ", line, column);
            if (first == null) {
                first = where + msg.lines().findFirst().orElse(msg);
            }
            lines.add("compile error at " + where + msg.lines().findFirst().orElse(msg));
            msg.lines().skip(1).map(String::strip).filter(l -> !l.equals("location: class"))
                    .forEach(l -> lines.add("    " + l));
            String text = cell.lineText(line);
            lines.add(String.format(Locale.ROOT, "%5d | %s", line, text));
            lines.add("      | " + " ".repeat(Math.max(0, column - 1)) + "^");
        }
        if (first == null) {
            int line = cell.line(chunk.start());
            first = "line " + line + ": this snippet was rejected";
            lines.add("compile error at " + first);
            lines.add(String.format(Locale.ROOT, "%5d | %s", line, cell.lineText(line)));
        }
        return new CompileError(first, lines);
    }

    /**
     * The report of an exception thrown by the user's code.
     *
     * @param e JShell's copy of the exception
     * @param cell the cell being run
     * @param snippetLines snippet id → the cell line its first line is on (snippets of this cell)
     * @return the exception to throw
     */
    static CellException runtimeError(JShellException e, CellSource cell, Map<String, Integer> snippetLines) {
        String head = describe(e);
        List<String> lines = new ArrayList<>();
        lines.add(head);
        List<StackTraceElement> frames = userFrames(e.getStackTrace());
        List<String> inCell = new ArrayList<>();
        for (StackTraceElement f : frames) {
            Integer cellLine = cellLine(f, snippetLines);
            if (cellLine != null) {
                inCell.add(String.format(Locale.ROOT, "  at cell line %d: %s", cellLine, cell.lineText(cellLine).strip()));
            }
        }
        if (!inCell.isEmpty()) {
            lines.add("in this cell:");
            lines.addAll(inCell);
        }
        lines.add("stack (innermost first):");
        for (StackTraceElement f : frames) {
            lines.add("  at " + frame(f, snippetLines));
        }
        Throwable cause = e.getCause();
        int depth = 0;
        while (cause != null && depth++ < 8) {
            lines.add("caused by: " + (cause instanceof JShellException je ? describe(je) : cause.toString()));
            for (StackTraceElement f : userFrames(cause.getStackTrace())) {
                lines.add("  at " + frame(f, snippetLines));
            }
            cause = cause.getCause();
        }
        return new CellException(head, lines);
    }

    /** {@code class: message} of the user's exception (JShell keeps only the class name). */
    static String describe(JShellException e) {
        if (e instanceof EvalException ee) {
            String m = ee.getMessage();
            return ee.getExceptionClassName() + (m == null || m.isEmpty() ? "" : ": " + m);
        }
        if (e instanceof UnresolvedReferenceException ure) {
            return "unresolved reference: " + ure.getSnippet().source().strip().lines().findFirst().orElse("")
                    + " uses something not defined yet";
        }
        return e.toString();
    }

    /** The frames down to the last one of user or library code: the kernel's own frames are cut. */
    static List<StackTraceElement> userFrames(StackTraceElement[] trace) {
        List<StackTraceElement> out = new ArrayList<>();
        for (StackTraceElement f : trace) {
            String where = f.getClassName() + "." + f.getMethodName();
            if (MACHINERY.stream().anyMatch(where::startsWith)) {
                continue;
            }
            out.add(f);
        }
        return out;
    }

    private static Integer cellLine(StackTraceElement f, Map<String, Integer> snippetLines) {
        String file = f.getFileName();
        if (file == null || !file.startsWith("#") || f.getLineNumber() < 1) {
            return null;
        }
        Integer first = snippetLines.get(file.substring(1));
        return first == null ? null : first + f.getLineNumber() - 1;
    }

    private static String frame(StackTraceElement f, Map<String, Integer> snippetLines) {
        Integer line = cellLine(f, snippetLines);
        String method = f.getMethodName();
        if (line != null) {
            return (method.startsWith("do_it$") ? "cell" : method + "(…)") + " — cell line " + line;
        }
        String file = f.getFileName();
        if (file != null && file.startsWith("#")) {
            return (method.startsWith("do_it$") ? "snippet" : method + "(…)") + " — earlier snippet " + file
                    + ", line " + f.getLineNumber();
        }
        return Objects.toString(f);
    }
}
