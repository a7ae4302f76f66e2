package org.plasticity.localca.rules;

/**
 * How the linear decoder learns (paper Appendix B, Table 4). For a linear decoder the local
 * update ⟨δ^y r_0ᵀ⟩ is the backprop gradient itself, so {@code LOCAL} and {@code BACKPROP} give
 * the same numbers; both are kept so the paper's comparison can be run.
 */
public enum DecoderMode {
    /** The autodiff gradient of the loss. */
    BACKPROP("bp-decoder"),
    /** The local outer product ⟨δ^y r_0ᵀ⟩_B. */
    LOCAL("local-decoder"),
    /** No decoder learning. */
    FROZEN("frozen-decoder");

    private final String id;

    DecoderMode(String id) {
        this.id = id;
    }

    /** Short id, e.g. {@code local-decoder}. */
    public String id() {
        return id;
    }
}
