package org.plasticity.notebook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Jupyter MIME bundle: one rendering per MIME type, in preference order (richest first).
 * Images are base64 text, as in the Jupyter message protocol. Immutable.
 *
 * @param data MIME type → rendering
 */
public record MimeBundle(Map<String, String> data) {

    /** {@code text/plain}. */
    public static final String TEXT = "text/plain";
    /** {@code text/html}. */
    public static final String HTML = "text/html";
    /** {@code image/png} (base64). */
    public static final String PNG = "image/png";
    /** {@code image/svg+xml}. */
    public static final String SVG = "image/svg+xml";

    /** Copies the map, keeping its order; requires a {@code text/plain} entry. */
    public MimeBundle {
        Objects.requireNonNull(data, "data");
        if (!data.containsKey(TEXT)) {
            throw new IllegalArgumentException("a MIME bundle needs a text/plain rendering, got " + data.keySet());
        }
        data.forEach((k, v) -> Objects.requireNonNull(v, () -> "rendering for " + k + " is null"));
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A bundle with only {@code text/plain}. */
    public static MimeBundle text(String text) {
        return new MimeBundle(Map.of(TEXT, text));
    }

    /** A bundle with {@code text/html} and {@code text/plain}. */
    public static MimeBundle html(String html, String text) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(HTML, html);
        m.put(TEXT, text);
        return new MimeBundle(m);
    }

    /** A copy with {@code mime} added or replaced (kept at its place, new types go before text/plain). */
    public MimeBundle with(String mime, String value) {
        Map<String, String> m = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (k.equals(TEXT) && !data.containsKey(mime)) {
                m.put(mime, value);
            }
            m.put(k, k.equals(mime) ? value : v);
        });
        return new MimeBundle(m);
    }

    /** The rendering for {@code mime}, or null. */
    public String get(String mime) {
        return data.get(mime);
    }

    /** Whether the bundle has a rendering for {@code mime}. */
    public boolean has(String mime) {
        return data.containsKey(mime);
    }

    /** The {@code text/plain} rendering. */
    public String text() {
        return data.get(TEXT);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MimeBundle[");
        data.forEach((k, v) -> sb.append(sb.length() > 11 ? ", " : "").append(k).append(" (").append(v.length())
                .append(" chars)"));
        return sb.append(']').toString();
    }
}
