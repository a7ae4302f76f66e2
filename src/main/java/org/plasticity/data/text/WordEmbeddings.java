package org.plasticity.data.text;

import java.util.Locale;
import java.util.Objects;
import org.plasticity.data.Batch;

/**
 * One vector of {@code dim} floats per vocabulary id (row-major {@code [vocab.size() × dim]});
 * {@code <pad>} is the zero vector. Either read from a GloVe-format file ({@link GloveFormat}) or
 * trained on the IMDB training texts ({@link PpmiSvdEmbeddings}).
 *
 * @param vocabulary the ids the rows belong to
 * @param dim vector length
 * @param vectors row-major vectors, {@code vocabulary.size() × dim}
 * @param method one line: where the vectors come from (shown in result tables)
 */
public record WordEmbeddings(Vocabulary vocabulary, int dim, float[] vectors, String method) {

    /** Validates the shape. */
    public WordEmbeddings {
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(method, "method");
        if (dim < 1 || vectors.length != (long) vocabulary.size() * dim) {
            throw new IllegalArgumentException("embedding matrix of " + vectors.length + " values does not hold "
                    + vocabulary.size() + " × " + dim);
        }
    }

    /** Component {@code k} of the vector of {@code id}. */
    public float get(int id, int k) {
        return vectors[id * dim + k];
    }

    /**
     * Looks up a batch of token-id sequences (features = ids stored as floats, as made by
     * {@link ImdbTask}): {@code out[b, t, k] = vector(ids[b, t])[k]}, row-major.
     *
     * @param ids a batch whose features are token ids
     * @param out destination of length ≥ {@code ids.size() · ids.featureCount() · dim}
     */
    public void embed(Batch ids, float[] out) {
        int n = ids.size() * ids.featureCount();
        if (out.length < (long) n * dim) {
            throw new IllegalArgumentException("output buffer holds " + out.length + " values, needs " + (long) n * dim);
        }
        float[] f = ids.features();
        for (int i = 0; i < n; i++) {
            int id = (int) f[i];
            System.arraycopy(vectors, id * dim, out, i * dim, dim);
        }
    }

    /** Cosine similarity of the vectors of two words (0 if either is the zero vector). */
    public double cosine(String a, String b) {
        int i = vocabulary.id(a);
        int j = vocabulary.id(b);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < dim; k++) {
            double x = get(i, k);
            double y = get(j, k);
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** Share of ids (excluding pad and unk) that have a non-zero vector. */
    public double coverage() {
        int covered = 0;
        for (int id = 2; id < vocabulary.size(); id++) {
            for (int k = 0; k < dim; k++) {
                if (get(id, k) != 0f) {
                    covered++;
                    break;
                }
            }
        }
        return vocabulary.size() <= 2 ? 0 : covered / (double) (vocabulary.size() - 2);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WordEmbeddings[%d words × %d, %s]", vocabulary.size(), dim, method);
    }
}
