package org.plasticity.kernel;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Javadoc of class path classes read from their sources, for Shift-Tab inspection: JShell finds the
 * JDK's Javadoc in the JDK's {@code lib/src.zip} but never looks at the class path's sources, so our
 * API (and a user's jar) would show signatures only. Sources are jars or folders: the
 * {@code X-sources.jar} beside a class path jar {@code X.jar}, and the entries of
 * {@code PLASTICITY_KERNEL_SOURCES} (what {@code kernel-spec/install-kernel.sh} sets).
 *
 * <p>A lookup starts from the signature JShell's source analysis printed (e.g.
 * {@code Trainer Trainer.epochs(int epochs)}, {@code org.plasticity.train.Trainer},
 * {@code Trainer.X:int}), resolves the class through the cell's imports, parses the one source file
 * (no attribution) and returns the comment of the member whose name, parameter count and erased
 * simple parameter types match.
 */
final class SourceDocs {

    /** Environment variable with extra source jars/folders ({@code :}-separated). */
    static final String ENV = "PLASTICITY_KERNEL_SOURCES";

    private final Set<Path> roots = new LinkedHashSet<>();
    private final Map<String, CompilationUnitTree> parsed = new HashMap<>();
    private final Map<CompilationUnitTree, Trees> trees = new HashMap<>();
    private JavaCompiler compiler;
    private StandardJavaFileManager files;

    /** Sources for {@code classPath} (the {@code -sources.jar} siblings) and {@link #ENV}. */
    static SourceDocs forClassPath(List<String> classPath) {
        SourceDocs docs = new SourceDocs();
        classPath.forEach(e -> docs.addSiblingOf(Path.of(e)));
        String extra = System.getenv(ENV);
        if (extra != null) {
            for (String e : extra.split(File.pathSeparator)) {
                if (!e.isBlank()) {
                    docs.addRoot(Path.of(e));
                }
            }
        }
        return docs;
    }

    /** Adds the {@code X-sources.jar} beside jar {@code X.jar}, if there is one. */
    synchronized void addSiblingOf(Path jar) {
        String name = jar.getFileName() == null ? "" : jar.getFileName().toString();
        if (name.endsWith(".jar") && !name.endsWith("-sources.jar")) {
            addRoot(jar.resolveSibling(name.substring(0, name.length() - 4) + "-sources.jar"));
        }
    }

    /** Adds a source jar or folder (ignored when it does not exist). */
    synchronized void addRoot(Path root) {
        Path p = root.toAbsolutePath().normalize();
        if (Files.exists(p) && roots.add(p)) {
            files = null; // the file manager's source path changes
            parsed.clear();
            trees.clear();
        }
    }

    /** The source jars and folders searched. */
    synchronized List<Path> roots() {
        return List.copyOf(roots);
    }

    /**
     * The Javadoc of the element JShell documented with {@code signature}, or null.
     *
     * @param signature JShell's signature of the element
     * @param classCandidates the fully qualified names a class name as written may mean (the imports)
     */
    synchronized String javadoc(String signature, Function<String, List<String>> classCandidates) {
        if (roots.isEmpty()) {
            return null;
        }
        Target t = Target.parse(signature);
        if (t == null) {
            return null;
        }
        for (String qualified : classCandidates.apply(t.className())) {
            String doc = javadoc(qualified, t);
            if (doc != null) {
                return doc;
            }
        }
        return null;
    }

    private String javadoc(String qualifiedClass, Target t) {
        // Find the top-level class: the longest prefix of the name that has a source file.
        String[] parts = qualifiedClass.split("\\.");
        for (int top = parts.length; top >= 1; top--) {
            String binary = String.join(".", java.util.Arrays.copyOfRange(parts, 0, top));
            CompilationUnitTree unit = parse(binary);
            if (unit != null) {
                List<String> nesting = new ArrayList<>(List.of(java.util.Arrays.copyOfRange(parts, top - 1, parts.length)));
                return find(unit, nesting, t);
            }
        }
        return null;
    }

    private CompilationUnitTree parse(String binaryName) {
        if (parsed.containsKey(binaryName)) {
            return parsed.get(binaryName);
        }
        CompilationUnitTree unit = null;
        try {
            JavaFileObject file = fileManager().getJavaFileForInput(StandardLocation.SOURCE_PATH, binaryName,
                    JavaFileObject.Kind.SOURCE);
            if (file != null) {
                JavacTask task = (JavacTask) compiler.getTask(null, fileManager(), d -> { }, List.of("-proc:none"), null,
                        List.of(file));
                unit = task.parse().iterator().next();
                trees.put(unit, Trees.instance(task));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            unit = null; // not a valid binary name
        }
        parsed.put(binaryName, unit);
        return unit;
    }

    private StandardJavaFileManager fileManager() throws IOException {
        if (files == null) {
            compiler = ToolProvider.getSystemJavaCompiler();
            files = compiler.getStandardFileManager(d -> { }, null, null);
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, roots);
        }
        return files;
    }

    /** The comment of the class {@code nesting} (outermost first) or of its member {@code t}. */
    private String find(CompilationUnitTree unit, List<String> nesting, Target t) {
        Trees tr = trees.get(unit);
        List<TreePath> classes = new ArrayList<>();
        List<TreePath> members = new ArrayList<>();
        new TreePathScanner<Void, Integer>() {
            @Override
            public Void visitClass(ClassTree node, Integer depth) {
                TreePath here = getCurrentPath(); // scan(TreePath, ..) below resets the current path to null
                int d = depth == null ? 0 : depth;
                if (d >= nesting.size() || !node.getSimpleName().contentEquals(nesting.get(d))) {
                    return null;
                }
                if (d < nesting.size() - 1) {
                    for (Tree m : node.getMembers()) {
                        scan(new TreePath(here, m), d + 1);
                    }
                    return null;
                }
                classes.add(here);
                for (Tree m : node.getMembers()) {
                    TreePath p = new TreePath(here, m);
                    if (t.member() == null) {
                        continue;
                    }
                    if (m instanceof MethodTree mt && t.parameters() != null) {
                        boolean constructor = mt.getName().contentEquals("<init>");
                        if (constructor ? t.member().equals(node.getSimpleName().toString())
                                : mt.getName().contentEquals(t.member())) {
                            members.add(p);
                        }
                    } else if (m instanceof VariableTree vt && t.parameters() == null
                            && vt.getName().contentEquals(t.member())) {
                        members.add(p);
                    } else if (m instanceof ClassTree ct && t.parameters() == null
                            && ct.getSimpleName().contentEquals(t.member())) {
                        members.add(p);
                    }
                }
                return null;
            }
        }.scan(unit, 0);
        if (classes.isEmpty()) {
            return null;
        }
        if (t.member() == null) {
            return tr.getDocComment(classes.get(0));
        }
        TreePath best = null;
        for (TreePath p : members) {
            if (p.getLeaf() instanceof MethodTree mt) {
                if (mt.getParameters().size() != t.parameters().size()) {
                    continue;
                }
                if (sameTypes(mt, t.parameters())) {
                    best = p;
                    break;
                }
                if (best == null) {
                    best = p; // same name and arity: the best guess when types are written differently
                }
            } else {
                best = p;
                break;
            }
        }
        return best == null ? null : tr.getDocComment(best);
    }

    private static boolean sameTypes(MethodTree m, List<String> types) {
        for (int i = 0; i < types.size(); i++) {
            VariableTree v = m.getParameters().get(i);
            String declared = v.getType().toString();
            if (v.getModifiers().getFlags().contains(Modifier.FINAL)) {
                declared = declared.replace("final ", "");
            }
            if (!erase(declared).equals(erase(types.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** A type as a comparable string: no generics, no package, {@code ...} as {@code []}. */
    static String erase(String type) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : type.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        String s = out.toString().replace("...", "[]");
        int dims = s.indexOf('[');
        String base = dims < 0 ? s : s.substring(0, dims);
        String suffix = dims < 0 ? "" : s.substring(dims);
        int dot = base.lastIndexOf('.');
        return (dot < 0 ? base : base.substring(dot + 1)) + suffix;
    }

    /**
     * What a JShell signature names.
     *
     * @param className the class as written (simple, nested or qualified)
     * @param member a method, constructor (the class's simple name), field or nested class name; null for the class
     * @param parameters parameter types of a method or constructor; null for other elements
     */
    record Target(String className, String member, List<String> parameters) {

        /** Parses a JShell signature; null when it is not of a form this class reads. */
        static Target parse(String signature) {
            String s = signature.strip();
            if (s.isEmpty()) {
                return null;
            }
            int paren = s.indexOf('(');
            if (paren < 0) {
                int colon = s.indexOf(':');
                String name = stripTypeParameters(colon < 0 ? s : s.substring(0, colon)).strip();
                if (name.contains(" ")) {
                    return null;
                }
                if (colon < 0) {
                    return new Target(name, null, null); // a class
                }
                int dot = name.lastIndexOf('.');
                return dot < 0 ? null : new Target(name.substring(0, dot), name.substring(dot + 1), null);
            }
            int close = s.lastIndexOf(')');
            if (close < paren) {
                return null;
            }
            String head = stripTypeParameters(s.substring(0, paren)).strip();
            String qualified = head.substring(head.lastIndexOf(' ') + 1);
            List<String> params = parameters(s.substring(paren + 1, close));
            int dot = qualified.lastIndexOf('.');
            if (!head.contains(" ")) { // a constructor: no return type before the class name
                return new Target(qualified, qualified.substring(dot + 1), params);
            }
            return dot < 0 ? null : new Target(qualified.substring(0, dot), qualified.substring(dot + 1), params);
        }

        /** Removes {@code <...>} groups (method type parameters in a signature's head). */
        private static String stripTypeParameters(String s) {
            StringBuilder out = new StringBuilder();
            int depth = 0;
            for (char c : s.toCharArray()) {
                if (c == '<') {
                    depth++;
                } else if (c == '>') {
                    depth--;
                    if (depth == 0) {
                        out.append(' ');
                    }
                } else if (depth == 0) {
                    out.append(c);
                }
            }
            return out.toString().replaceAll(" +", " ").replace(" .", ".").replace(". ", ".");
        }

        /** {@code int a, Map<K, V> m, float... xs} → the types. */
        private static List<String> parameters(String list) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            StringBuilder cur = new StringBuilder();
            for (char c : (list + ",").toCharArray()) {
                if (c == '<') {
                    depth++;
                } else if (c == '>') {
                    depth--;
                }
                if (c == ',' && depth == 0) {
                    String p = cur.toString().strip();
                    if (!p.isEmpty()) {
                        int sp = lastTopLevelSpace(p);
                        out.add(sp < 0 ? p : p.substring(0, sp).strip());
                    }
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            return out;
        }

        private static int lastTopLevelSpace(String p) {
            int depth = 0;
            int last = -1;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c == '<') {
                    depth++;
                } else if (c == '>') {
                    depth--;
                } else if (c == ' ' && depth == 0) {
                    last = i;
                }
            }
            // "Type name": the name is the last token; a lone type (no names) has no top-level space after it.
            return last;
        }
    }
}
