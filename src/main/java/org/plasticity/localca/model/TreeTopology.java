package org.plasticity.localca.model;

import java.util.Arrays;

/**
 * Index arithmetic of a layer of regular compartment trees. Compartment layer 0 holds the somata,
 * layer {@code l ≥ 1} the compartments at graph distance {@code l} from their soma. Child {@code k}
 * of compartment {@code p} in layer {@code l − 1} is compartment {@code p · b_l + k} of layer
 * {@code l}, so every tree occupies a contiguous block of each layer.
 */
public final class TreeTopology {

    private final int neurons;
    private final int[] sizes;
    private final int[] branch;

    /**
     * @param neurons number of trees
     * @param branchFactors children per compartment, soma outwards
     */
    public TreeTopology(int neurons, java.util.List<Integer> branchFactors) {
        this.neurons = neurons;
        int levels = branchFactors.size() + 1;
        sizes = new int[levels];
        branch = new int[levels];
        sizes[0] = neurons;
        branch[0] = 1;
        for (int l = 1; l < levels; l++) {
            branch[l] = branchFactors.get(l - 1);
            sizes[l] = Math.multiplyExact(sizes[l - 1], branch[l]);
        }
    }

    /** Number of compartment layers (soma included). */
    public int layers() {
        return sizes.length;
    }

    /** Index of the deepest (leaf) layer. */
    public int leafLayer() {
        return sizes.length - 1;
    }

    /** Compartments in layer {@code l}. */
    public int size(int l) {
        return sizes[l];
    }

    /** Children per parent between layer {@code l − 1} and {@code l} (1 for l = 0). */
    public int branch(int l) {
        return branch[l];
    }

    /** Number of trees (somata). */
    public int neurons() {
        return neurons;
    }

    /** Parent (in layer l − 1) of compartment {@code c} of layer {@code l ≥ 1}. */
    public int parent(int l, int c) {
        return c / branch[l];
    }

    /** First child (in layer l + 1) of compartment {@code c} of layer {@code l < leafLayer()}. */
    public int firstChild(int l, int c) {
        return c * branch[l + 1];
    }

    /** The soma index of compartment {@code c} of layer {@code l}. */
    public int soma(int l, int c) {
        return c / (sizes[l] / neurons);
    }

    /**
     * The branch (child of the soma, 0-based) that compartment {@code c} of layer {@code l ≥ 1}
     * belongs to; used to label apical vs basal subtrees.
     */
    public int somaBranch(int l, int c) {
        int perBranch = sizes[l] / sizes[1];
        return (c / perBranch) % branch[1];
    }

    /** Total compartments over all layers. */
    public int totalCompartments() {
        return Arrays.stream(sizes).sum();
    }

    @Override
    public String toString() {
        return "TreeTopology[layer sizes " + Arrays.toString(sizes) + "]";
    }
}
