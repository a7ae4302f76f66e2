package org.plasticity.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagicsTest {

    @Test
    void leadingMagicLinesBecomeBlankLinesSoCellLinesStay() {
        Magics.Parsed p = Magics.parse("%jars lib/*.jar\n// note\n%classpath out\nint x = 1;\n%notmagic");
        assertEquals(List.of("jars lib/*.jar", "classpath out"), p.magics());
        assertEquals("\n// note\n\nint x = 1;\n%notmagic", p.code());
        assertEquals("jars", Magics.name(p.magics().get(0)));
        assertEquals(List.of("a b.jar", "c.jar"), Magics.args("jars \"a b.jar\" c.jar"));
    }

    @Test
    void jarsTakesFilesFoldersAndGlobs(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path a = Files.createFile(lib.resolve("a.jar"));
        Path b = Files.createFile(lib.resolve("b.jar"));
        Files.createFile(lib.resolve("notes.txt"));
        Path deep = Files.createDirectories(lib.resolve("sub"));
        Path c = Files.createFile(deep.resolve("c.jar"));
        assertEquals(List.of(a), Magics.jars("lib/a.jar", dir));
        assertEquals(List.of(a, b), Magics.jars("lib", dir));
        assertEquals(List.of(a, b), Magics.jars("lib/*.jar", dir));
        assertEquals(List.of(a, b, c), Magics.jars(lib + "/**.jar", dir));
        assertThrows(IllegalArgumentException.class, () -> Magics.jars("lib/*.zip", dir));
    }

    @Test
    void classpathEntriesMustExist(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path jar = Files.createFile(dir.resolve("x.jar"));
        assertEquals(List.of(classes, jar), Magics.classpathEntries("classes:x.jar", dir));
        assertThrows(IllegalArgumentException.class, () -> Magics.classpathEntries("missing", dir));
    }
}
