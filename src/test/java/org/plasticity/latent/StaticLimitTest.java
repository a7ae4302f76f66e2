package org.plasticity.latent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.latent.model.Activation;
import org.plasticity.latent.model.GleConfig;
import org.plasticity.latent.model.GleDynamics;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.latent.model.GleState;
import org.plasticity.latent.model.LayerSpec;
import org.plasticity.latent.model.StepInputs;
import org.plasticity.train.Parameter;

/**
 * With τ → 0 GLE reduces to instantaneous backprop on a static input: after a fixed time T the per-step GLE gradient
 * (error × presynaptic rate, prospective errors on) approaches the backprop gradient of the static map
 * x ↦ φ(W_L … φ(W_0 x + b_0) … + b_L), computed here independently. Stated tolerance: relative L2 error below 1e-3
 * at τ scale 0.01 (all constants then at their floor dt), while at scale 1 it is far from it (the slow units have not
 * settled), and the error falls monotonically with the scale.
 */
class StaticLimitTest {

    private static final double DT = 0.001;
    private static final double T = 0.4;

    private static GleConfig scaled(double k) {
        GleConfig base = Tiny.mixed().dt(DT).build();
        List<LayerSpec> ls = new ArrayList<>();
        base.layers().forEach(l -> ls.add(l.scaled(k, DT)));
        return base.toBuilder().layers(ls).tauMin(DT).build();
    }

    /** The GLE gradient slots after T/dt steps of the static sample (only the last step's gradient is kept). */
    private static double[] gleGradient(GleNetwork net, Batch x) {
        StepInputs in = StepInputs.of(x, net.config());
        GleState st = new GleState(net.config(), in.rows());
        GleDynamics dyn = new GleDynamics(net);
        int steps = (int) Math.round(T / DT);
        for (int t = 0; t < steps; t++) {
            net.parameters().forEach(Parameter::zeroGrad);
            in.input(0, st.inputBuffer());
            float[] y = in.target(0, st.targetBuffer());
            dyn.step(st, true, true, null);
            dyn.loss(st, null, y, true, null);
        }
        return flat(net);
    }

    /** Backprop of ½‖y − f(x)‖² through the static map, written into flat order W0, b0, W1, b1, ... (×β = 1). */
    private static double[] staticBackprop(GleNetwork net, float[] x, float[] y) {
        GleConfig c = net.config();
        int depth = c.depth();
        double[][] a = new double[depth + 1][];
        double[][] d = new double[depth][];
        a[0] = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[0][i] = x[i];
        }
        double[][] s = new double[depth][];
        for (int l = 0; l < depth; l++) {
            int n = c.size(l);
            int m = c.fanIn(l);
            s[l] = new double[n];
            a[l + 1] = new double[n];
            for (int j = 0; j < n; j++) {
                double z = net.biases(l)[j];
                for (int k = 0; k < m; k++) {
                    z += net.weights(l)[j * m + k] * a[l][k];
                }
                s[l][j] = z;
                a[l + 1][j] = c.layers().get(l).activation().apply((float) z);
            }
        }
        List<double[]> out = new ArrayList<>();
        double[] delta = new double[c.outputs()];
        Activation top = c.layers().get(depth - 1).activation();
        for (int j = 0; j < delta.length; j++) {
            delta[j] = (a[depth][j] - y[j]) * top.derivative((float) s[depth - 1][j]);
        }
        for (int l = depth - 1; l >= 0; l--) {
            d[l] = delta;
            if (l > 0) {
                int m = c.fanIn(l);
                double[] below = new double[m];
                Activation act = c.layers().get(l - 1).activation();
                for (int k = 0; k < m; k++) {
                    double sum = 0;
                    for (int j = 0; j < delta.length; j++) {
                        sum += net.weights(l)[j * m + k] * delta[j];
                    }
                    below[k] = sum * act.derivative((float) s[l - 1][k]);
                }
                delta = below;
            }
        }
        for (int l = 0; l < depth; l++) {
            int n = c.size(l);
            int m = c.fanIn(l);
            double[] gw = new double[n * m];
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < m; k++) {
                    gw[j * m + k] = d[l][j] * a[l][k];
                }
            }
            out.add(gw);
            out.add(d[l].clone());
        }
        return out.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static double[] flat(GleNetwork net) {
        return net.parameters().stream().flatMapToDouble(p -> {
            double[] v = new double[p.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = p.grad()[i];
            }
            return java.util.Arrays.stream(v);
        }).toArray();
    }

    private static double relativeError(double k, boolean prospective) {
        GleConfig c = scaled(k).withProspectiveErrors(prospective);
        GleNetwork net = GleNetwork.create(c, 3);
        float[] x = {0.7f, -0.4f};
        float[] y = {0.3f, -0.2f};
        Batch b = org.plasticity.data.Batch.regression(x, y, 1, 2, 2);
        double[] gle = gleGradient(net, b);
        double[] bp = staticBackprop(net, x, y);
        double num = 0;
        double den = 0;
        for (int i = 0; i < bp.length; i++) {
            num += (gle[i] - bp[i]) * (gle[i] - bp[i]);
            den += bp[i] * bp[i];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void gleApproachesStaticBackpropAsTheTimeConstantsShrink() {
        double coarse = relativeError(1, true);
        double mid = relativeError(0.1, true);
        double fine = relativeError(0.01, true);
        assertTrue(coarse > 0.05, "at τ scale 1 the slow units have not settled after T: " + coarse);
        assertTrue(mid < coarse && fine < mid, "monotone: " + coarse + " > " + mid + " > " + fine);
        assertTrue(fine < 1e-3, "τ → 0: relative L2 error " + fine);
    }

    @Test
    void instantaneousErrorsReachTheSameLimit() {
        assertTrue(relativeError(0.01, false) < 1e-3);
    }
}
