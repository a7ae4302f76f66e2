package org.plasticity.data.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.DataFileException;
import org.plasticity.data.Datasets;

/** Issue 11 §4: an HTML page saved as an IDX file, read through a cache the user pointed elsewhere. */
class DataCache_WrongFileTest {

    private static final String HTML = "<!DOCTYPE html><html><body>Sorry</body></html>";

    @Test
    void htmlPageInPlaceOfAnIdxFileIsReportedAsNotIdxWithAFixForThatCache(@TempDir Path root) throws IOException {
        for (DataFile f : Catalog.MNIST.files()) {
            Path p = root.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, HTML, StandardCharsets.UTF_8);
        }
        DataFileException e = assertThrows(DataFileException.class, () -> Datasets.in(root).mnist());
        assertTrue(e.problem().startsWith("not an IDX file"), e.problem());
        assertTrue(e.problem().contains("HTML"), e.problem());
        assertFalse(e.problem().contains("truncated"), e.problem());
        assertTrue(e.fix().contains("-Dplasticity.data=" + root.toAbsolutePath().normalize()), e.fix());
        assertTrue(e.fix().endsWith("fill mnist"), e.fix());
    }

    @Test
    void fixForTheDefaultCacheStaysThePlainCommand() {
        assertTrue(Catalog.MNIST.fillCommand(DataCache.defaultCache()).equals(Catalog.MNIST.fillCommand()));
    }
}
