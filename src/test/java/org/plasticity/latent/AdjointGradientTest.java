package org.plasticity.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.latent.adjoint.DiscreteAdjoint;
import org.plasticity.latent.adjoint.Trajectory;
import org.plasticity.latent.model.GleConfig;
import org.plasticity.latent.model.GleDynamics;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.latent.model.GleState;
import org.plasticity.latent.model.StepInputs;
import org.plasticity.train.Parameter;

/** The discrete adjoint (BPTT reference) against central finite differences of the forward loss, τ_m included. */
class AdjointGradientTest {

    private static void adjointGradient(GleNetwork net, Batch batch) {
        net.parameters().forEach(Parameter::zeroGrad);
        StepInputs in = StepInputs.of(batch, net.config());
        GleState st = new GleState(net.config(), in.rows());
        GleDynamics dyn = new GleDynamics(net);
        Trajectory traj = new Trajectory(net.config(), in.steps(), in.rows());
        for (int t = 0; t < in.steps(); t++) {
            in.input(t, st.inputBuffer());
            float[] y = in.target(t, st.targetBuffer());
            dyn.step(st, false, false, traj);
            dyn.loss(st, in.labels(), y, false, traj);
        }
        new DiscreteAdjoint(net).backward(traj, null);
    }

    @Test
    void everyParameterMatchesCentralDifferences() {
        GleConfig c = Tiny.mixed().learnTau(true).build();
        GleNetwork net = GleNetwork.create(c, 5);
        Batch batch = Tiny.sequences(c, 3, 25, 9);
        adjointGradient(net, batch);
        int checked = 0;
        double worst = 0;
        for (Parameter p : net.parameters()) {
            float[] g = p.grad().clone();
            for (int i = 0; i < p.size(); i++) {
                float[] v = p.value();
                float old = v[i];
                double h = 1e-2 * Math.max(0.1, Math.abs(old));
                v[i] = (float) (old + h);
                double hp = v[i] - old;
                double up = Tiny.loss(net, batch);
                v[i] = (float) (old - h);
                double hm = old - v[i];
                double down = Tiny.loss(net, batch);
                v[i] = old;
                double fd = (up - down) / (hp + hm);
                double err = Math.abs(fd - g[i]);
                double scale = Math.max(1e-3, Math.abs(fd));
                worst = Math.max(worst, err / scale);
                assertEquals(fd, g[i], 2e-2 * scale + 2e-4, p.name() + "[" + i + "]");
                checked++;
            }
        }
        assertEquals(c.parameterCount(), checked, "every parameter checked");
        assertTrue(worst < 0.05, "worst relative error " + worst);
    }

    @Test
    void aTruncatedWindowDropsTheLongRangeTerms() {
        GleConfig c = Tiny.mixed().build();
        GleNetwork net = GleNetwork.create(c, 5);
        Batch batch = Tiny.sequences(c, 2, 30, 3);
        adjointGradient(net, batch);
        float[] full = net.parameters().get(0).grad().clone();
        // the same sequence in windows of 3 steps: the gradient differs, but stays correlated with the exact one
        net.parameters().forEach(Parameter::zeroGrad);
        StepInputs in = StepInputs.of(batch, c);
        GleState st = new GleState(c, in.rows());
        GleDynamics dyn = new GleDynamics(net);
        Trajectory traj = new Trajectory(c, 3, in.rows());
        DiscreteAdjoint adj = new DiscreteAdjoint(net);
        for (int t = 0; t < in.steps(); t++) {
            in.input(t, st.inputBuffer());
            float[] y = in.target(t, st.targetBuffer());
            dyn.step(st, false, false, traj);
            dyn.loss(st, in.labels(), y, false, traj);
            if (traj.full()) {
                adj.backward(traj, null);
                traj.clear(in.rows());
            }
        }
        float[] trunc = net.parameters().get(0).grad();
        double[] a = new double[full.length];
        double[] b = new double[full.length];
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            a[i] = full[i];
            b[i] = trunc[i];
            diff += Math.abs(a[i] - b[i]);
        }
        assertTrue(diff > 1e-4, "truncation must change the gradient of the slow layer");
        assertTrue(Tiny.cosine(a, b) > 0.3, "cosine " + Tiny.cosine(a, b));
    }
}
