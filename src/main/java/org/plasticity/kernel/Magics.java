package org.plasticity.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kernel's line magics, written at the top of a cell:
 * <ul>
 *   <li>{@code %jars PATH...}: adds jar files to the class path; a path may be a glob
 *       ({@code lib/*.jar}, {@code ~/jars/**.jar}) or a folder (all its jars);</li>
 *   <li>{@code %classpath ENTRY...}: adds class path entries (jars or class folders, also
 *       {@code :}-separated); without arguments, prints the class path.</li>
 * </ul>
 * Relative paths are resolved against the kernel's working directory (the notebook's folder).
 */
final class Magics {

    /**
     * A cell split into its leading magic lines and its code.
     *
     * @param magics the magic lines, without the {@code %}
     * @param code the code, with each magic line replaced by an empty line (line numbers stay)
     */
    record Parsed(List<String> magics, String code) {
    }

    private Magics() {
    }

    /** Splits leading {@code %} lines (blank lines and {@code //} comments may sit between them) off the cell. */
    static Parsed parse(String cell) {
        List<String> magics = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        StringBuilder code = new StringBuilder();
        boolean head = true;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            String s = l.strip();
            if (head && s.startsWith("%")) {
                magics.add(s.substring(1));
                l = "";
            } else if (!s.isEmpty() && !s.startsWith("//")) {
                head = false;
            }
            code.append(l);
            if (i < lines.length - 1) {
                code.append('\n');
            }
        }
        return new Parsed(magics, code.toString());
    }

    /** The magic's name (first word). */
    static String name(String magic) {
        return magic.strip().split("\\s+", 2)[0];
    }

    /** The magic's arguments (words after the name; quotes group words). */
    static List<String> args(String magic) {
        String[] parts = magic.strip().split("\\s+", 2);
        List<String> out = new ArrayList<>();
        if (parts.length < 2) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (char c : parts[1].toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /**
     * The jar files named by one {@code %jars} argument: a jar, a folder (its jars), or a glob.
     *
     * @param arg the argument
     * @param cwd the directory relative paths start from
     * @return the jars, sorted
     * @throws IllegalArgumentException when nothing matches
     */
    static List<Path> jars(String arg, Path cwd) {
        String a = expandHome(arg);
        List<Path> out = new ArrayList<>();
        if (!a.contains("*") && !a.contains("?") && !a.contains("{")) {
            Path p = cwd.resolve(a).normalize();
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not list " + p, e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            }
        } else {
            int star = firstGlobChar(a);
            int slash = a.lastIndexOf('/', star);
            Path base = cwd.resolve(slash < 0 ? "." : (slash == 0 ? "/" : a.substring(0, slash))).normalize();
            String pattern = base.toString() + "/" + a.substring(slash + 1);
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            if (Files.isDirectory(base)) {
                try (Stream<Path> s = Files.walk(base)) {
                    s.filter(Files::isRegularFile).filter(f -> m.matches(f.normalize())).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not search " + base, e);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("%jars " + arg + ": no jar file matches (relative paths start at " + cwd + ")");
        }
        return out;
    }

    /** The entries of one {@code %classpath} argument ({@code :}-separated), each of which must exist. */
    static List<Path> classpathEntries(String arg, Path cwd) {
        List<Path> out = new ArrayList<>();
        for (String part : arg.split(File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            if (part.endsWith("*")) {
                out.addAll(jars(part + (part.endsWith("/*") ? ".jar" : ""), cwd));
                continue;
            }
            Path p = cwd.resolve(expandHome(part)).normalize();
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("%classpath " + part + ": " + p + " does not exist");
            }
            out.add(p);
        }
        return out;
    }

    private static int firstGlobChar(String s) {
        int i = s.length();
        for (char c : new char[] {'*', '?', '{', '['}) {
            int j = s.indexOf(c);
            if (j >= 0) {
                i = Math.min(i, j);
            }
        }
        return i;
    }

    private static String expandHome(String p) {
        return p.equals("~") || p.startsWith("~/") ? System.getProperty("user.home") + p.substring(1) : p;
    }
}
