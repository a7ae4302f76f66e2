package org.plasticity.data.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small, documented word tokenizer for English reviews: HTML tags (IMDB's {@code <br />}) become
 * spaces; text is lower-cased (root locale); tokens are maximal runs of letters and digits, with
 * apostrophes kept inside words ({@code don't}, {@code film's}) and dropped at their ends. All
 * other characters (punctuation, symbols) separate tokens and are discarded.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    /** The tokens of {@code text}, in order. */
    public static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        String s = text.toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '<') {
                int close = s.indexOf('>', i);
                if (close > i && close - i < 64) {
                    flush(word, out);
                    i = close;
                    continue;
                }
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if ((c == '\'' || c == '\u2019') && word.length() > 0 && i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1))) {
                word.append('\'');
            } else {
                flush(word, out);
            }
        }
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }
}
