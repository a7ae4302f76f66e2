package org.plasticity.ep.dendritic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.plasticity.ep.model.EpState;
import org.plasticity.ep.model.StateView;

/**
 * The variables of a {@link DendriticNetwork} for one batch in one phase: the somata of every hidden layer and the
 * output neurons, and (for branches as states, §2.3) the basal and apical branch states, each row-major
 * {@code [rows × units]}; for the gate reading (iii) also the per-sample branch gates of the batch (constant across
 * its phases). Buffers are sized for a capacity and reused across batches.
 *
 * <p>Views (what the diagnostics read), in this order: {@code s1 … sH} (somata), {@code s(H+1)} (outputs), then for
 * branches as states {@code basal1, apical1, basal2, …}. With branches as functions (reading i) only the somata and
 * outputs are states.
 */
public final class DendriticState implements EpState {

    final float[][] soma;
    final float[][] basal;
    final float[][] apical;
    final float[][] gateBasal;
    final float[][] gateApical;
    boolean gatesReady;
    private final List<StateView> views;
    private int rows;

    DendriticState(DendriticConfig c, int capacity, boolean branchStates) {
        int h = c.depth();
        soma = new float[h + 1][];
        for (int l = 0; l < h; l++) {
            soma[l] = new float[capacity * c.somas(l)];
        }
        soma[h] = new float[capacity * c.classes()];
        boolean gated = c.sparsity() == DendriticConfig.Sparsity.GATE;
        basal = branchStates ? new float[h][] : null;
        apical = branchStates ? new float[h][] : null;
        gateBasal = gated ? new float[h][] : null;
        gateApical = gated ? new float[h][] : null;
        for (int l = 0; l < h; l++) {
            int nb = c.somas(l) * c.basal();
            int na = c.somas(l) * c.apical();
            if (branchStates) {
                basal[l] = new float[capacity * nb];
                apical[l] = new float[capacity * Math.max(na, 0)];
            }
            if (gated) {
                gateBasal[l] = new float[capacity * nb];
                gateApical[l] = new float[capacity * na];
            }
        }
        List<StateView> vs = new ArrayList<>();
        for (int l = 0; l <= h; l++) {
            vs.add(new StateView("s" + (l + 1), l < h ? c.somas(l) : c.classes(), soma[l]));
        }
        if (branchStates) {
            for (int l = 0; l < h; l++) {
                vs.add(new StateView("basal" + (l + 1), c.somas(l) * c.basal(), basal[l]));
                if (c.apical() > 0) {
                    vs.add(new StateView("apical" + (l + 1), c.somas(l) * c.apical(), apical[l]));
                }
            }
        }
        views = List.copyOf(vs);
    }

    @Override
    public int rows() {
        return rows;
    }

    void rows(int n) {
        rows = n;
    }

    @Override
    public List<StateView> views() {
        return views;
    }

    /** The somata of hidden layer {@code l} (0-based; {@code l = depth} is the output layer), the live buffer. */
    public float[] soma(int l) {
        return soma[l];
    }

    /** The basal branch states of hidden layer {@code l}, the live buffer, or null when branches are functions. */
    public float[] basal(int l) {
        return basal == null ? null : basal[l];
    }

    /** The apical branch states of hidden layer {@code l}, the live buffer, or null when branches are functions. */
    public float[] apical(int l) {
        return apical == null ? null : apical[l];
    }

    /** Whether the branches are state variables (§2.3) rather than functions (reading i). */
    public boolean hasBranchStates() {
        return basal != null;
    }

    void zero() {
        for (StateView v : views) {
            Arrays.fill(v.values(), 0, rows * v.size(), 0f);
        }
        gatesReady = false;
    }

    void copyFrom(DendriticState o) {
        rows = o.rows;
        for (int v = 0; v < views.size(); v++) {
            StateView a = o.views.get(v);
            System.arraycopy(a.values(), 0, views.get(v).values(), 0, rows * a.size());
        }
        if (gateBasal != null) {
            for (int l = 0; l < gateBasal.length; l++) {
                System.arraycopy(o.gateBasal[l], 0, gateBasal[l], 0, gateBasal[l].length);
                System.arraycopy(o.gateApical[l], 0, gateApical[l], 0, gateApical[l].length);
            }
        }
        gatesReady = o.gatesReady;
    }

    @Override
    public String toString() {
        return "DendriticState[" + rows + " rows, " + views.stream().map(v -> v.name() + ":" + v.size()).toList() + "]";
    }
}
