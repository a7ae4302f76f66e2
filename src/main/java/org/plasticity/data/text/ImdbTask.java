package org.plasticity.data.text;

import java.util.ArrayList;
import java.util.List;
import org.plasticity.data.DataProvenance;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;

/**
 * IMDB as model input: each review is a fixed-length sequence of token ids (stored as exact
 * float values in the data set's features, shape {@code {sequenceLength}}, label 1 = positive),
 * plus the vocabulary and the word vectors a model looks the ids up in
 * ({@link WordEmbeddings#embed}). Memory: one float per token, not one vector per token.
 *
 * @param splits token-id splits (train 25,000 / empty validation / test 25,000)
 * @param vocabulary ids of the training vocabulary
 * @param embeddings the vectors of those ids
 * @param config how it was built
 */
public record ImdbTask(Splits splits, Vocabulary vocabulary, WordEmbeddings embeddings, ImdbTaskConfig config) {

    /**
     * Builds the task: vocabulary and (unless a GloVe file is given) embeddings from the training
     * texts only, then both sets encoded.
     */
    public static ImdbTask build(ImdbReviews reviews, ImdbTaskConfig config) {
        List<List<String>> trainTokens = tokenizeAll(reviews.train());
        Vocabulary vocab = Vocabulary.build(trainTokens, config.vocabularySize(), config.minCount());
        WordEmbeddings emb;
        if (config.gloveFile() != null) {
            emb = GloveFormat.read(config.gloveFile(), vocab);
        } else {
            List<int[]> docs = new ArrayList<>(trainTokens.size());
            for (List<String> t : trainTokens) {
                docs.add(vocab.encodeAll(t));
            }
            emb = PpmiSvdEmbeddings.train(docs, vocab, Math.min(config.embeddingDim(), vocab.size() - 2), config.window(),
                    config.seed());
        }
        Dataset train = encode("imdb/train", trainTokens, reviews.train().labels(), vocab, config.sequenceLength());
        Dataset test = encode("imdb/test", tokenizeAll(reviews.test()), reviews.test().labels(), vocab, config.sequenceLength());
        DataProvenance p = reviews.provenance().withNote(config.toString() + "; " + emb.method());
        if (config.gloveFile() == null) {
            p = p.nonStandard().withNote("embeddings trained on IMDB train texts, a stand-in for the paper's GloVe-300");
        }
        return new ImdbTask(new Splits("imdb", train, train.subset("imdb/validation", new int[0]), test, p), vocab, emb, config);
    }

    /** Token ids of one data set row, as ints. */
    public static int[] ids(Dataset d, int row) {
        int[] out = new int[d.featureCount()];
        for (int t = 0; t < out.length; t++) {
            out[t] = (int) d.features()[row * out.length + t];
        }
        return out;
    }

    private static List<List<String>> tokenizeAll(ReviewSet set) {
        List<List<String>> out = new ArrayList<>(set.size());
        for (String t : set.texts()) {
            out.add(Tokenizer.tokenize(t));
        }
        return out;
    }

    private static Dataset encode(String name, List<List<String>> tokens, int[] labels, Vocabulary vocab, int length) {
        float[] x = new float[tokens.size() * length];
        for (int i = 0; i < tokens.size(); i++) {
            int[] ids = vocab.encode(tokens.get(i), length);
            for (int t = 0; t < length; t++) {
                x[i * length + t] = ids[t];
            }
        }
        return new Dataset(name, x, labels.clone(), new int[] {length}, 2);
    }

    @Override
    public String toString() {
        return "ImdbTask[" + splits + ", " + vocabulary.size() + " ids, " + embeddings + "]";
    }
}
