package org.plasticity.data.text;

import java.nio.file.Path;

/**
 * How IMDB reviews become model input. Defaults: sequences of 256 tokens (the paper's, spec
 * ep-family.md §3.1, appendix B), a 10,000-id vocabulary from the training texts, and 100-d word
 * vectors trained on the training texts (PPMI + SVD, window 5) because the paper's GloVe-300 is
 * not obtainable here; set {@link #withGloveFile} to use a GloVe file instead.
 *
 * @param sequenceLength tokens per review after truncation/padding (paper: 256)
 * @param vocabularySize ids including pad and unk
 * @param minCount minimum training count of a kept word
 * @param embeddingDim vector length of trained embeddings (capped at the number of kept words; ignored with a GloVe file)
 * @param window co-occurrence window of trained embeddings
 * @param gloveFile a GloVe-format file, or null to train embeddings
 * @param seed seed of the embedding training
 */
public record ImdbTaskConfig(int sequenceLength, int vocabularySize, int minCount, int embeddingDim, int window,
        Path gloveFile, long seed) {

    /** Validates ranges. */
    public ImdbTaskConfig {
        if (sequenceLength < 1) {
            throw new IllegalArgumentException("sequenceLength must be ≥ 1, got " + sequenceLength);
        }
        if (vocabularySize < 3) {
            throw new IllegalArgumentException("vocabularySize must be ≥ 3, got " + vocabularySize);
        }
        if (embeddingDim < 1) {
            throw new IllegalArgumentException("embeddingDim must be ≥ 1, got " + embeddingDim);
        }
        if (window < 1 || minCount < 1) {
            throw new IllegalArgumentException("window and minCount must be ≥ 1");
        }
    }

    /** The defaults described above, seed 42. */
    public static ImdbTaskConfig defaults() {
        return new ImdbTaskConfig(256, 10_000, 2, 100, 5, null, 42L);
    }

    /** A copy with another sequence length. */
    public ImdbTaskConfig withSequenceLength(int v) {
        return new ImdbTaskConfig(v, vocabularySize, minCount, embeddingDim, window, gloveFile, seed);
    }

    /** A copy with another vocabulary size. */
    public ImdbTaskConfig withVocabularySize(int v) {
        return new ImdbTaskConfig(sequenceLength, v, minCount, embeddingDim, window, gloveFile, seed);
    }

    /** A copy with another embedding dimension. */
    public ImdbTaskConfig withEmbeddingDim(int v) {
        return new ImdbTaskConfig(sequenceLength, vocabularySize, minCount, v, window, gloveFile, seed);
    }

    /** A copy with another co-occurrence window. */
    public ImdbTaskConfig withWindow(int v) {
        return new ImdbTaskConfig(sequenceLength, vocabularySize, minCount, embeddingDim, v, gloveFile, seed);
    }

    /** A copy that reads vectors from a GloVe-format file. */
    public ImdbTaskConfig withGloveFile(Path v) {
        return new ImdbTaskConfig(sequenceLength, vocabularySize, minCount, embeddingDim, window, v, seed);
    }

    /** A copy with another seed. */
    public ImdbTaskConfig withSeed(long v) {
        return new ImdbTaskConfig(sequenceLength, vocabularySize, minCount, embeddingDim, window, gloveFile, v);
    }

    @Override
    public String toString() {
        return "ImdbTaskConfig[len " + sequenceLength + ", vocab " + vocabularySize + ", "
                + (gloveFile == null ? "trained " + embeddingDim + "-d PPMI+SVD vectors" : "GloVe " + gloveFile.getFileName()) + "]";
    }
}
