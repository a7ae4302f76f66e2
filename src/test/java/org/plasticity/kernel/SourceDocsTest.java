package org.plasticity.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our Javadoc lookup for Shift-Tab (the kernel test drives it through a real Jupyter client). */
class SourceDocsTest {

    private static final String SOURCE = """
            package demo.pkg;

            import java.util.List;

            /** The demo class. */
            public class Demo<T> {
                /** A constant. */
                public static final int LIMIT = 3;

                /** Makes one. */
                public Demo() { }

                /** Makes one from a name. */
                public Demo(String name) { }

                /** With an int. */
                public void f(int a) { }

                /** With a string. */
                public void f(String s) { }

                /** With a list. */
                public <R> List<R> g(List<? extends T> xs, java.util.Map<String, Integer> m) { return null; }

                /** With varargs. */
                public void h(float... xs) { }

                public void undocumented() { }

                /** The inner class. */
                public static final class Inner {
                    /** Inner's method. */
                    public int value() { return 1; }
                }
            }
            """;

    @Test
    void findsTheCommentOfClassesMembersOverloadsAndNestedClassesInASourcesJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("demo.jar");
        Files.write(jar, new byte[0]);
        try (OutputStream os = Files.newOutputStream(dir.resolve("demo-sources.jar")); JarOutputStream j = new JarOutputStream(os)) {
            j.putNextEntry(new JarEntry("demo/pkg/Demo.java"));
            j.write(SOURCE.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        SourceDocs docs = new SourceDocs();
        docs.addSiblingOf(jar);
        assertEquals(List.of(dir.resolve("demo-sources.jar").toAbsolutePath()), docs.roots());
        // As JShell prints signatures; "Demo" resolves through an on-demand import of demo.pkg.
        java.util.function.Function<String, List<String>> imports = n -> n.startsWith("demo.") ? List.of(n)
                : List.of("java.lang." + n, "demo.pkg." + n);
        assertEquals("The demo class.", docs.javadoc("demo.pkg.Demo<T>", imports).strip());
        assertEquals("The demo class.", docs.javadoc("Demo", imports).strip());
        assertEquals("A constant.", docs.javadoc("Demo.LIMIT:int", imports).strip());
        assertEquals("Makes one.", docs.javadoc("Demo<T>()", imports).strip());
        assertEquals("Makes one from a name.", docs.javadoc("Demo<T>(String name)", imports).strip());
        assertEquals("With an int.", docs.javadoc("void Demo<T>.f(int a)", imports).strip());
        assertEquals("With a string.", docs.javadoc("void Demo<T>.f(String s)", imports).strip());
        assertEquals("With a string.", docs.javadoc("void demo.pkg.Demo.f(java.lang.String s)", imports).strip());
        assertEquals("With a list.", docs.javadoc("<R> List<R> Demo<T>.g(List<? extends T> xs, Map<String, Integer> m)",
                imports).strip());
        assertEquals("With varargs.", docs.javadoc("void Demo<T>.h(float... xs)", imports).strip());
        assertEquals("The inner class.", docs.javadoc("demo.pkg.Demo.Inner", imports).strip());
        assertEquals("Inner's method.", docs.javadoc("int Demo.Inner.value()", imports).strip());
        assertNull(docs.javadoc("void Demo<T>.undocumented()", imports));
        assertNull(docs.javadoc("void Demo<T>.missing()", imports));
        assertNull(docs.javadoc("Nowhere", imports));
    }

    @Test
    void withoutSourcesThereIsNoJavadocAndNoError() {
        SourceDocs docs = new SourceDocs();
        docs.addSiblingOf(Path.of("/nonexistent/lib.jar"));
        assertEquals(List.of(), docs.roots());
        assertNull(docs.javadoc("void Demo.f(int a)", n -> List.of(n)));
    }

    @Test
    void typesCompareErasedAndUnqualified() {
        assertEquals("List", SourceDocs.erase("java.util.List<? extends T>"));
        assertEquals("Map", SourceDocs.erase("Map<String, List<Integer>>"));
        assertEquals("float[]", SourceDocs.erase("float..."));
        assertEquals("String[][]", SourceDocs.erase("java.lang.String[][]"));
        assertEquals(new SourceDocs.Target("a.B", "c", List.of("int", "Map<K, V>")),
                SourceDocs.Target.parse("<T> T a.B.c(int x, Map<K, V> m)"));
        assertEquals(new SourceDocs.Target("B", "B", List.of()), SourceDocs.Target.parse("B()"));
        assertEquals(new SourceDocs.Target("a.B", "F", null), SourceDocs.Target.parse("a.B.F:int"));
    }
}
