package org.plasticity.data.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word ↔ id map built from training texts only. Id 0 is {@value #PAD} (padding), id 1 is
 * {@value #UNK} (any word not kept); then the kept words by descending count, ties in alphabetical
 * order, so the same texts always give the same ids.
 */
public final class Vocabulary {

    /** The padding token (id 0). */
    public static final String PAD = "<pad>";
    /** The unknown-word token (id 1). */
    public static final String UNK = "<unk>";
    /** Id of {@link #PAD}. */
    public static final int PAD_ID = 0;
    /** Id of {@link #UNK}. */
    public static final int UNK_ID = 1;

    private final List<String> words;
    private final Map<String, Integer> ids;
    private final long[] counts;

    private Vocabulary(List<String> words, long[] counts) {
        this.words = List.copyOf(words);
        this.counts = counts;
        this.ids = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), i);
        }
    }

    /**
     * Builds the vocabulary.
     *
     * @param tokenizedTexts the training texts, tokenized
     * @param maxSize total size including {@code <pad>} and {@code <unk>} (≥ 2)
     * @param minCount words seen fewer times are not kept
     * @return the vocabulary
     */
    public static Vocabulary build(Collection<List<String>> tokenizedTexts, int maxSize, int minCount) {
        if (maxSize < 2) {
            throw new IllegalArgumentException("vocabulary size must be ≥ 2 (pad + unk), got " + maxSize);
        }
        Map<String, long[]> c = new HashMap<>();
        for (List<String> t : tokenizedTexts) {
            for (String w : t) {
                c.computeIfAbsent(w, k -> new long[1])[0]++;
            }
        }
        List<Map.Entry<String, long[]>> e = new ArrayList<>(c.entrySet());
        e.removeIf(x -> x.getValue()[0] < minCount);
        e.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
        int keep = Math.min(e.size(), maxSize - 2);
        List<String> words = new ArrayList<>(keep + 2);
        long[] counts = new long[keep + 2];
        words.add(PAD);
        words.add(UNK);
        for (int i = 0; i < keep; i++) {
            words.add(e.get(i).getKey());
            counts[i + 2] = e.get(i).getValue()[0];
        }
        for (int i = keep; i < e.size(); i++) {
            counts[UNK_ID] += e.get(i).getValue()[0];
        }
        return new Vocabulary(words, counts);
    }

    /** A vocabulary over exactly these words (after pad and unk), e.g. from an embedding file. */
    public static Vocabulary of(List<String> words) {
        List<String> all = new ArrayList<>(List.of(PAD, UNK));
        all.addAll(words);
        return new Vocabulary(all, new long[all.size()]);
    }

    /** Number of ids, including pad and unk. */
    public int size() {
        return words.size();
    }

    /** The id of {@code word}, or {@link #UNK_ID}. */
    public int id(String word) {
        return ids.getOrDefault(word, UNK_ID);
    }

    /** Whether {@code word} has its own id. */
    public boolean contains(String word) {
        return ids.containsKey(word);
    }

    /** The word of {@code id}. */
    public String word(int id) {
        return words.get(id);
    }

    /** Training count of the word with {@code id} (for unk: all dropped words together). */
    public long count(int id) {
        return counts[id];
    }

    /**
     * Encodes tokens to a fixed length: the first {@code length} tokens are kept (truncation at the
     * end), shorter texts are padded with {@link #PAD_ID} at the end.
     */
    public int[] encode(List<String> tokens, int length) {
        int[] out = new int[length];
        int m = Math.min(length, tokens.size());
        for (int i = 0; i < m; i++) {
            out[i] = id(tokens.get(i));
        }
        return out;
    }

    /** All token ids of a text (no truncation), e.g. for training embeddings. */
    public int[] encodeAll(List<String> tokens) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(tokens.get(i));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Vocabulary[" + size() + " ids; most frequent: " + words.subList(2, Math.min(size(), 7)) + "]";
    }
}
