package org.plasticity.display;

/**
 * A value that knows how to show itself without a kernel: an HTML fragment for notebooks and a
 * short text form for JShell and logs. Notebook renderers (package {@code notebook}) turn it into
 * a MIME bundle; nothing here depends on a kernel.
 */
public interface Displayable {

    /** A self-contained HTML fragment (no scripts, inline styles only). */
    String toHtml();

    /** Plain-text rendering; defaults to {@link Object#toString()}. */
    default String toText() {
        return toString();
    }
}
