package org.plasticity.ep.bptt;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.ep.model.DifferentiableModel;
import org.plasticity.ep.model.EpState;
import org.plasticity.ep.model.StateView;

/**
 * Records a window of free steps {@code s_{t+1} = f(s_t)} of any {@link DifferentiableModel} and
 * backpropagates the summed loss at its end (scaled by 1/rows: the batch-mean loss) through it, step by
 * step, with the model's own backward step. The window's states live in the model's state pool
 * (slots 1..K+1), so repeated batches allocate nothing.
 *
 * @param <S> the model's state type
 */
public final class BpttEngine<S extends EpState> {

    /** Receives the sensitivities as the backward pass goes (for the GDU check). */
    public interface Observer {
        /**
         * Called with the sensitivities {@code δ = ∂L/∂a_{T−j−1}} of backward step {@code j} (the
         * transition {@code T−j−1 → T−j}; j = 0 is the last step).
         *
         * @param j steps back from the end
         * @param deltas one array per state view, row-major
         */
        void sensitivity(int j, float[][] deltas);

        /**
         * Called after the parameter gradients of backward step {@code j} (the transition
         * {@code T−j−1 → T−j}) were added to the gradient slots.
         */
        void parameterStep(int j);
    }

    /** First state-pool slot of the recorded window (slot 0 is the caller's live state). */
    private static final int FIRST_SLOT = 1;

    private final DifferentiableModel<S> model;
    private float[][] g = new float[0][];
    private float[][] gNext = new float[0][];
    private float[][] delta = new float[0][];
    private int steps;
    private int rows;

    /**
     * @param model the model
     * @throws UnsupportedOperationException when the model's configuration cannot be differentiated
     */
    public BpttEngine(DifferentiableModel<S> model) {
        model.checkDifferentiable();
        this.model = model;
    }

    /**
     * Runs {@code k} free steps from {@code s} (modified), keeping every state.
     *
     * @param s the state at the window's start (must not be one of the pool slots 1..k+1)
     * @param k recorded steps
     * @param rng the batch's random stream
     */
    public void record(S s, int k, SplittableRandom rng) {
        rows = s.rows();
        steps = k;
        model.copy(s, snapshot(0));
        for (int t = 0; t < k; t++) {
            model.relax(s, 0, 1, rng);
            model.copy(s, snapshot(t + 1));
        }
    }

    private S snapshot(int t) {
        return model.state(FIRST_SLOT + t);
    }

    private void ensureAdjoints(List<StateView> views) {
        boolean fits = g.length == views.size();
        for (int v = 0; fits && v < views.size(); v++) {
            fits = g[v].length >= rows * views.get(v).size();
        }
        if (!fits) {
            g = new float[views.size()][];
            gNext = new float[views.size()][];
            delta = new float[views.size()][];
            for (int v = 0; v < views.size(); v++) {
                int n = rows * views.get(v).size();
                g[v] = new float[n];
                gNext[v] = new float[n];
                delta[v] = new float[n];
            }
        }
    }

    /**
     * Adds the gradient of the batch-mean loss at the recorded window's end to the parameters' slots.
     *
     * @param observer receives every step's sensitivities and parameter gradients, or null (then the
     *     model may defer the clamped input's share to one product at the end)
     */
    public void backward(Observer observer) {
        S end = snapshot(steps);
        List<StateView> views = end.views();
        ensureAdjoints(views);
        for (int v = 0; v < views.size(); v++) {
            Arrays.fill(g[v], 0, rows * views.get(v).size(), 0f);
        }
        model.startBackward();
        model.lossGradient(end, 1f / rows, g);
        boolean defer = observer == null;
        for (int j = 0; j < steps; j++) {
            int t = steps - 1 - j;
            S before = snapshot(t);
            model.stepSensitivity(snapshot(t + 1), g, delta);
            if (observer != null) {
                observer.sensitivity(j, delta);
            }
            model.stepParameterGradient(before, delta, defer);
            if (observer != null) {
                observer.parameterStep(j);
            }
            model.stepStateGradient(before, delta, gNext);
            float[][] tmp = g;
            g = gNext;
            gNext = tmp;
        }
        model.finishBackward();
    }

    /** The recorded state at window step {@code t} (0..K), a pooled state of the model. */
    public S recorded(int t) {
        if (t < 0 || t > steps) {
            throw new IllegalArgumentException("window step " + t + " outside [0, " + steps + "]");
        }
        return snapshot(t);
    }
}
