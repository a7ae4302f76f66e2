package org.plasticity.latent;

import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.latent.model.Activation;
import org.plasticity.latent.model.GleConfig;
import org.plasticity.latent.model.GleDynamics;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.latent.model.GleState;
import org.plasticity.latent.model.StepInputs;
import org.plasticity.latent.model.StepLoss;
import org.plasticity.latent.model.UnitGroup;

/** Small networks and sequences for the latent tests. */
final class Tiny {

    private Tiny() {
    }

    /** 2 inputs → 5 tanh (2 fast, 3 slow of two memories) → 4 tanh mixed → 2 linear outputs; dt 0.1, MSE. */
    static GleConfig.Builder mixed() {
        double dt = 0.1;
        return GleConfig.builder(2).dt(dt).loss(StepLoss.MSE)
                .layer(Activation.TANH, UnitGroup.fast(2, 0.3), UnitGroup.slow(2, 0.5, dt), UnitGroup.slow(1, 0.2, dt))
                .layer(Activation.TANH, UnitGroup.fast(2, 0.4), new UnitGroup(2, 0.6, 0.25))
                .layer(Activation.LINEAR, UnitGroup.fast(2, 0.3));
    }

    /** A batch of {@code rows} random sequences of {@code steps} steps with random per-step targets. */
    static Batch sequences(GleConfig c, int rows, int steps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[rows * steps * c.inputs()];
        float[] y = new float[rows * steps * c.outputs()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * rng.nextDouble() - 1);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (rng.nextDouble() - 0.5);
        }
        return new Batch(x, null, rows, steps * c.inputs(), y, steps * c.outputs(), steps);
    }

    /** L = (1/rows) Σ_rows Σ_t ℓ_t of the forward dynamics from rest (no errors), in float as the model runs it. */
    static double loss(GleNetwork net, Batch batch) {
        StepInputs in = StepInputs.of(batch, net.config());
        GleState st = new GleState(net.config(), in.rows());
        GleDynamics dyn = new GleDynamics(net);
        double l = 0;
        for (int t = 0; t < in.steps(); t++) {
            in.input(t, st.inputBuffer());
            float[] y = in.target(t, st.targetBuffer());
            dyn.step(st, false, false, null);
            l += dyn.loss(st, in.labels(), y, false, null);
        }
        return l / in.rows();
    }

    /** Σ a·b / (|a||b|). */
    static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
