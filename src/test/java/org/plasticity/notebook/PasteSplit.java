package org.plasticity.notebook;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;

/**
 * How JShell cuts source into snippets, two ways: as a kernel sees a whole cell
 * ({@link #whole}) and as the {@code jshell} tool reads a paste, line by line, evaluating each
 * snippet as soon as the lines read so far complete one ({@link #lineByLine}). A cell is
 * paste-able when both give the same snippets; a fluent chain whose next line starts with a dot
 * is not (its first line is already a complete statement).
 */
final class PasteSplit {

    private PasteSplit() {
    }

    /** The snippets of {@code source} read as one block. */
    static List<String> whole(SourceCodeAnalysis analysis, String source) {
        List<String> out = new ArrayList<>();
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(source);
        while (info.completeness().isComplete()) {
            add(out, info.source());
            info = analysis.analyzeCompletion(info.remaining());
        }
        add(out, info.remaining());
        return out;
    }

    /** The snippets of {@code source} fed line by line, as the {@code jshell} tool reads a paste. */
    static List<String> lineByLine(SourceCodeAnalysis analysis, String source) {
        List<String> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            pending.append(line).append('\n');
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending.toString());
            while (info.completeness().isComplete()) {
                add(out, info.source());
                pending.setLength(0);
                pending.append(info.remaining());
                info = analysis.analyzeCompletion(pending.toString());
            }
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                pending.setLength(0);
            }
        }
        add(out, pending.toString());
        return out;
    }

    private static void add(List<String> out, String snippet) {
        String s = normalise(snippet);
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    /**
     * A comparable form: without {@code //} comments (JShell attaches a trailing comment to either
     * snippet), whitespace collapsed and without the closing semicolon JShell may add.
     */
    private static String normalise(String snippet) {
        StringBuilder sb = new StringBuilder(snippet.length());
        char quote = 0;
        for (int i = 0; i < snippet.length(); i++) {
            char c = snippet.charAt(i);
            if (quote != 0) {
                sb.append(c);
                if (c == '\\' && i + 1 < snippet.length()) {
                    sb.append(snippet.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                sb.append(c);
            } else if (c == '/' && i + 1 < snippet.length() && snippet.charAt(i + 1) == '/') {
                while (i + 1 < snippet.length() && snippet.charAt(i + 1) != '\n') {
                    i++;
                }
            } else {
                sb.append(c);
            }
        }
        String s = sb.toString().replaceAll("\\s+", " ").strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }
}
