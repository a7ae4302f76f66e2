package org.plasticity.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.Batch;
import org.plasticity.data.DataFileException;
import org.plasticity.data.DataProvenance;

class TextPipelineTest {

    @TempDir
    Path dir;

    @Test
    void tokenizerStripsHtmlLowercasesAndKeepsInnerApostrophes() {
        assertEquals(List.of("it", "wasn't", "great", "the", "film's", "end", "café", "10", "10"),
                Tokenizer.tokenize("It WASN'T great...<br /><br />The film's end: 'café' 10/10"));
    }

    @Test
    void vocabularyOrdersByCountThenAlphabetAndPadsToLength() {
        List<List<String>> docs = List.of(List.of("b", "a", "c", "a"), List.of("c", "a", "d"));
        Vocabulary v = Vocabulary.build(docs, 4, 1);
        assertEquals(List.of("<pad>", "<unk>", "a", "c"), List.of(v.word(0), v.word(1), v.word(2), v.word(3)));
        assertEquals(2, v.count(Vocabulary.UNK_ID), "b and d were dropped");
        assertArrayEquals(new int[] {2, 1, 3, 0, 0}, v.encode(List.of("a", "zzz", "c"), 5));
        assertArrayEquals(new int[] {2, 3}, v.encode(List.of("a", "c", "a", "a"), 2), "truncation keeps the first tokens");
    }

    @Test
    void taskEncodesFixedLengthIdSequencesAndEmbeds() {
        List<String> texts = new ArrayList<>();
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            texts.add(i % 2 == 0 ? "good great fine film " + i : "bad awful poor film");
            labels[i] = i % 2 == 0 ? 1 : 0;
        }
        ReviewSet set = new ReviewSet("s", texts, labels);
        ImdbReviews r = new ImdbReviews(set, set, DataProvenance.unknown("imdb"));
        ImdbTask t = ImdbTask.build(r, ImdbTaskConfig.defaults().withSequenceLength(6).withVocabularySize(12).withEmbeddingDim(3));
        assertArrayEquals(new int[] {6}, t.splits().trainSet().sampleShape());
        int[] ids = ImdbTask.ids(t.splits().trainSet(), 1);
        assertEquals(Vocabulary.PAD_ID, ids[5]);
        assertEquals(t.vocabulary().id("awful"), ids[1]);
        Batch b = t.splits().test().batchesInOrder(2).iterator().next();
        float[] out = new float[2 * 6 * 3];
        t.embeddings().embed(b, out);
        int id = (int) b.features()[7];
        assertEquals(t.embeddings().get(id, 2), out[7 * 3 + 2]);
        assertEquals(0f, out[5 * 3], "pad is the zero vector");
    }

    @Test
    void ppmiSvdPutsWordsWithSharedContextsTogether() {
        SplittableRandom rng = new SplittableRandom(1);
        String[] posCtx = {"fun", "joy", "smile", "sun"};
        String[] negCtx = {"rain", "pain", "cold", "gloom"};
        List<List<String>> docs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean pos = i % 2 == 0;
            String[] ctx = pos ? posCtx : negCtx;
            String w = pos ? (rng.nextBoolean() ? "good" : "great") : (rng.nextBoolean() ? "bad" : "awful");
            List<String> d = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                d.add(ctx[rng.nextInt(4)]);
            }
            d.add(3, w);
            docs.add(d);
        }
        Vocabulary v = Vocabulary.build(docs, 100, 1);
        List<int[]> ids = docs.stream().map(v::encodeAll).toList();
        WordEmbeddings e = PpmiSvdEmbeddings.train(ids, v, 2, 3, 5);
        assertTrue(e.cosine("good", "great") > 0.9, "good~great " + e.cosine("good", "great"));
        assertTrue(e.cosine("good", "bad") < 0.5, "good~bad " + e.cosine("good", "bad"));
        WordEmbeddings again = PpmiSvdEmbeddings.train(ids, v, 2, 3, 5);
        assertArrayEquals(e.vectors(), again.vectors(), "same seed, same vectors");
    }

    @Test
    void gloveFileIsReadForVocabularyWordsAndBadLinesAreNamed() throws IOException {
        Path f = Files.writeString(dir.resolve("glove.txt"), "the 0.1 0.2 0.3\nfilm 1 2 3\nunused 9 9 9\n");
        Vocabulary v = Vocabulary.of(List.of("film", "the", "absent"));
        WordEmbeddings e = GloveFormat.read(f, v);
        assertEquals(3, e.dim());
        assertEquals(2f, e.get(v.id("film"), 1));
        assertEquals(0f, e.get(v.id("absent"), 0));
        assertEquals(2 / 3.0, e.coverage(), 1e-9);
        Path bad = Files.writeString(dir.resolve("bad.txt"), "the 0.1 0.2 0.3\nfilm 1 2\n");
        assertEquals("line 2 has 2 components, line 1 has 3 (truncated or mixed files?)",
                assertThrows(DataFileException.class, () -> GloveFormat.read(bad, v)).problem());
        assertThrows(DataFileException.class, () -> GloveFormat.read(dir.resolve("none.txt"), v));
    }
}
