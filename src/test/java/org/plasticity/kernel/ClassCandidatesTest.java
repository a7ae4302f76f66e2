package org.plasticity.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.junit.jupiter.api.Test;

/**
 * Shift-Tab resolves a simple class name through the session's imports; the kernel evaluates its
 * default imports as one snippet holding many declarations, so every declaration of a snippet counts.
 */
class ClassCandidatesTest {

    @Test
    void everyDeclarationOfAMultiImportSnippetIsUsed() {
        try (JShell js = JShell.builder().executionEngine("local").build()) {
            assertEquals(Snippet.Status.VALID,
                    js.eval("import java.util.*; import java.io.File; import static java.lang.Math.max;").get(0).status());
            List<String> file = KernelTestAccess.candidates(js, "File");
            assertEquals("java.io.File", file.get(0), file.toString());
            List<String> list = KernelTestAccess.candidates(js, "List.of");
            assertTrue(list.contains("java.util.List.of"), list.toString());
            assertTrue(list.stream().noneMatch(c -> c.startsWith("java.lang.Math")), "static imports are not types: " + list);
            assertEquals(List.of("java.util.Map"), KernelTestAccess.candidates(js, "java.util.Map"));
        }
    }

    @Test
    void signaturesNameImportedTypesWithoutTheirPackage() {
        try (JShell js = JShell.builder().executionEngine("local").build()) {
            js.eval("import java.util.*; import java.io.File;");
            assertEquals("List<String> Collections.nCopies(int, String)",
                    PlasticityKernel.shortNames(js, "java.util.List<java.lang.String> java.util.Collections.nCopies(int, java.lang.String)"));
            assertEquals("File File.getParentFile() java.io.FileReader javax.util.Set",
                    PlasticityKernel.shortNames(js, "java.io.File java.io.File.getParentFile() java.io.FileReader javax.util.Set"));
        }
    }

    /** Package access to the kernel's resolver. */
    private static final class KernelTestAccess {
        static List<String> candidates(JShell js, String name) {
            return PlasticityKernel.classCandidates(js, name);
        }
    }
}
