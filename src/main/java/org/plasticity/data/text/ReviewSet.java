package org.plasticity.data.text;

import java.util.List;
import java.util.Objects;

/**
 * Labelled texts (e.g. IMDB reviews, label 1 = positive, 0 = negative), in a fixed order.
 *
 * @param name set name, e.g. {@code imdb/train}
 * @param texts the raw texts
 * @param labels one label per text
 */
public record ReviewSet(String name, List<String> texts, int[] labels) {

    /** Validates matching sizes and copies the text list. */
    public ReviewSet {
        Objects.requireNonNull(name, "name");
        texts = List.copyOf(texts);
        if (labels.length != texts.size()) {
            throw new IllegalArgumentException(name + ": " + texts.size() + " texts but " + labels.length + " labels");
        }
    }

    /** Number of texts. */
    public int size() {
        return texts.size();
    }

    /** Number of texts with label 1. */
    public int positives() {
        int p = 0;
        for (int l : labels) {
            p += l;
        }
        return p;
    }

    @Override
    public String toString() {
        return "ReviewSet[" + name + ": " + size() + " texts, " + positives() + " positive]";
    }
}
