package org.plasticity.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plasticity.data.Batch;
import org.plasticity.latent.adjoint.DiscreteAdjoint;
import org.plasticity.latent.adjoint.Trajectory;
import org.plasticity.latent.model.Activation;
import org.plasticity.latent.model.GleConfig;
import org.plasticity.latent.model.GleDynamics;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.latent.model.GleState;
import org.plasticity.latent.model.StepInputs;
import org.plasticity.latent.model.StepLoss;
import org.plasticity.latent.model.UnitGroup;

/**
 * The single-mode filter check of spec §2.6. One slow leaky integrator (τ_r = dt, a = 1 − dt/τ_m) below a linear LE
 * output; the network rests (zero input, no biases, γ = 0), so a target y_t = cos(ωt) injects the output error
 * −∂ℓ/∂r = y_t unchanged. The exact adjoint of the integrator's current is the anti-causal filter
 * α Σ_k a^k y_{t+1+k} (α = dt/τ_m; response α e^{iω}/(1 − a e^{iω})); GLE's error is the causal prospective filter
 * (1/α)(y_{t−2} − a y_{t−3}) (response e^{−2iω}(1 − a e^{−iω})/α). After removing the three steps of pure delay
 * (two for GLE's layer pipeline, one for the adjoint's look-ahead) the phases agree and the gain ratio, normalised to
 * 1 at ω = 0, is |1 − a e^{iω}|² / (1 − a)².
 */
class ErrorFilterTest {

    private static final double DT = 0.1;
    private static final double TAU = 1.0;
    private static final int STEPS = 4000;

    @ParameterizedTest(name = "ω = {0}")
    @ValueSource(doubles = {0.02, 0.1, 0.3, 0.8})
    void gleMatchesTheAdjointsPhaseAndItsGainRatioIsOneMinusAExpSquared(double omega) {
        GleConfig c = GleConfig.builder(1).dt(DT).loss(StepLoss.MSE).bias(false).beta(1)
                .layer(Activation.LINEAR, UnitGroup.slow(1, TAU, DT))
                .layer(Activation.LINEAR, UnitGroup.fast(1, 0.5)).build();
        GleNetwork net = GleNetwork.create(c, 1);
        net.weights(1)[0] = 1f;
        float[] x = new float[STEPS];
        float[] y = new float[STEPS];
        for (int t = 0; t < STEPS; t++) {
            y[t] = (float) Math.cos(omega * t);
        }
        Batch batch = new Batch(x, null, 1, STEPS, y, STEPS, STEPS);
        StepInputs in = StepInputs.of(batch, c);

        // GLE: the error e of the integrator at every step
        GleState st = new GleState(c, 1);
        GleDynamics dyn = new GleDynamics(net);
        double[] gle = new double[STEPS];
        for (int t = 0; t < STEPS; t++) {
            in.input(t, st.inputBuffer());
            float[] target = in.target(t, st.targetBuffer());
            dyn.step(st, true, false, null);
            dyn.loss(st, null, target, true, null);
            gle[t] = st.errors(0)[0];
        }
        // exact: −∂L/∂s of the integrator at every step, from the adjoint over the whole sequence
        GleState rest = new GleState(c, 1);
        Trajectory traj = new Trajectory(c, STEPS, 1);
        for (int t = 0; t < STEPS; t++) {
            in.input(t, rest.inputBuffer());
            float[] target = in.target(t, rest.targetBuffer());
            dyn.step(rest, false, false, traj);
            dyn.loss(rest, null, target, false, traj);
        }
        double[] exact = new double[STEPS];
        new DiscreteAdjoint(net).backward(traj, (t, l, sbar, rows, units) -> {
            if (l == 0) {
                exact[t] = -sbar[0];
            }
        });
        int delay = 3;
        // complex amplitudes over the middle of the run (transients at both ends excluded)
        int from = 1000;
        int to = 3000;
        double[] g = amplitude(gle, omega, from, to, 0);
        double[] a = amplitude(exact, omega, from, to, delay);
        double re = (g[0] * a[0] + g[1] * a[1]) / (a[0] * a[0] + a[1] * a[1]);
        double im = (g[1] * a[0] - g[0] * a[1]) / (a[0] * a[0] + a[1] * a[1]);
        double phase = Math.atan2(im, re);
        double alpha = DT / TAU;
        double decay = 1 - alpha;
        double expected = (1 - 2 * decay * Math.cos(omega) + decay * decay) / (alpha * alpha);
        assertEquals(0, phase, 2e-3, "phase difference after the pure delay");
        assertEquals(expected, Math.hypot(re, im), 2e-3 * expected, "gain ratio |1 − a e^{iω}|² / (1 − a)²");
    }

    /** Σ_t x_t e^{−iω(t − shift)} over [from, to), as {re, im}. */
    private static double[] amplitude(double[] x, double omega, int from, int to, int shift) {
        double re = 0;
        double im = 0;
        for (int t = from; t < to; t++) {
            re += x[t - shift] * Math.cos(omega * t);
            im -= x[t - shift] * Math.sin(omega * t);
        }
        return new double[] {re, im};
    }
}
