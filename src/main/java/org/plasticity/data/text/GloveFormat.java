package org.plasticity.data.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.plasticity.data.DataFileException;

/**
 * Reader of GloVe's text format (Pennington et al. 2014): one word per line followed by its
 * {@code dim} space-separated float components (plain or gzipped). Only words of the given
 * vocabulary are kept; vocabulary words missing from the file keep a zero vector (see
 * {@link WordEmbeddings#coverage()}). GloVe files are not obtainable on the project's machines;
 * this path serves users who have one (e.g. {@code glove.6B.300d.txt}, the paper's input).
 */
public final class GloveFormat {

    private GloveFormat() {
    }

    /**
     * Reads the vectors of {@code vocabulary}'s words.
     *
     * @throws DataFileException if the file is missing, empty, or a line has the wrong number of
     *     components or a non-numeric one
     */
    public static WordEmbeddings read(Path file, Vocabulary vocabulary) {
        String fix = "pass a GloVe text file (word followed by its vector components on each line)";
        try (BufferedReader r = reader(file)) {
            float[] vectors = null;
            int dim = -1;
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.strip().split(" ");
                if (dim < 0) {
                    dim = parts.length - 1;
                    if (dim < 1) {
                        throw new DataFileException(file, "line 1 has no vector components", fix);
                    }
                    vectors = new float[vocabulary.size() * dim];
                }
                if (parts.length - 1 != dim) {
                    throw new DataFileException(file, "line " + lineNo + " has " + (parts.length - 1) + " components, line 1 has "
                            + dim + " (truncated or mixed files?)", fix);
                }
                if (!vocabulary.contains(parts[0]) || vocabulary.id(parts[0]) < 2) {
                    continue;
                }
                int id = vocabulary.id(parts[0]);
                for (int k = 0; k < dim; k++) {
                    try {
                        vectors[id * dim + k] = Float.parseFloat(parts[k + 1]);
                    } catch (NumberFormatException e) {
                        throw new DataFileException(file, "line " + lineNo + ", component " + (k + 1) + " is not a number: '"
                                + parts[k + 1] + "'", fix, e);
                    }
                }
            }
            if (dim < 0) {
                throw new DataFileException(file, "empty file", fix);
            }
            return new WordEmbeddings(vocabulary, dim, vectors, "GloVe-format file " + file.getFileName());
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "missing", fix, e);
        } catch (IOException e) {
            throw new DataFileException(file, "unreadable: " + e.getMessage(), fix, e);
        }
    }

    private static BufferedReader reader(Path file) throws IOException {
        var in = Files.newInputStream(file);
        var buffered = new java.io.BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int a = buffered.read();
        int b = buffered.read();
        buffered.reset();
        java.io.InputStream s = a == 0x1f && b == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        return new BufferedReader(new java.io.InputStreamReader(s, StandardCharsets.UTF_8), 1 << 16);
    }
}
