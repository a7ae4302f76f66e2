package org.plasticity.latent.fidelity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plasticity.data.Batch;
import org.plasticity.latent.adjoint.DiscreteAdjoint;
import org.plasticity.latent.adjoint.Trajectory;
import org.plasticity.latent.model.GleConfig;
import org.plasticity.latent.model.GleDynamics;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.latent.model.GleState;
import org.plasticity.latent.model.StepInputs;
import org.plasticity.train.Parameter;

/**
 * GLE's online learning signal against the exact one, on one batch from rest with the parameters held fixed and
 * γ = 0 (so the errors do not move the forward dynamics and both see the very same trajectory):
 * <ul>
 *   <li><b>gradients</b>: per parameter tensor, GLE's local updates summed over the steps (Σ_t −e_t r_inᵀ, what the
 *       online rule would apply if the parameters did not move) against BPTT's dL/dθ of L = Σ_t ℓ_t over the whole
 *       sequence: cosine and norm ratio (gain);</li>
 *   <li><b>errors over time</b>: per layer and step, the cosine and gain of GLE's error e_t against the exact
 *       −∂L/∂s at step t − d, with d = 2(L − ℓ) + 1 the pure delay of the layer pipeline (GLE's error reaches layer ℓ
 *       L − ℓ + 1 steps after the loss, the adjoint looks L − ℓ steps ahead; the single-mode test checks d = 3 for
 *       the layer below the output);</li>
 *   <li><b>gain correction</b> (our reading of VLE's "learned gains", labelled as such): per layer, the aggregate
 *       cosine and gain of all its errors over the run, raw and after the best per-unit gain g_j (least squares of
 *       g_j e_j against the exact error over the probe): an upper bound of what a learned per-unit error gain could
 *       correct. It can fix the gain, and the cosine only through the units' relative weights, never the filter's
 *       shape.</li>
 * </ul>
 */
public final class ErrorFidelity {

    private ErrorFidelity() {
    }

    /** Fidelity of one parameter tensor: cosine, gain ‖g_gle‖/‖g_exact‖. */
    public record TensorFidelity(String name, double cosine, double gain) {
    }

    /**
     * The measurement.
     *
     * @param tensors per parameter tensor
     * @param cosineOverTime per layer, per step: cosine of e_t against −∂L/∂s_{t−d} over the batch and units (NaN
     *     where undefined)
     * @param gainOverTime per layer, per step: ‖e_t‖ / ‖∂L/∂s_{t−d}‖
     */
    public record Report(List<TensorFidelity> tensors, double[][] cosineOverTime, double[][] gainOverTime,
            double[] rawCosine, double[] rawGain, double[] correctedCosine, double[] correctedGain) {

        /** Mean cosine of layer {@code l} over the steps from {@code from} on (NaN steps skipped). */
        public double meanCosine(int l, int from) {
            return mean(cosineOverTime[l], from);
        }

        /** Median gain of layer {@code l} over the steps from {@code from} on. */
        public double medianGain(int l, int from) {
            double[] g = java.util.Arrays.stream(gainOverTime[l], Math.min(from, gainOverTime[l].length),
                    gainOverTime[l].length).filter(x -> !Double.isNaN(x)).sorted().toArray();
            return g.length == 0 ? Double.NaN : g[g.length / 2];
        }

        /** Tensor name to cosine. */
        public Map<String, Double> cosines() {
            Map<String, Double> m = new LinkedHashMap<>();
            tensors.forEach(t -> m.put(t.name(), t.cosine()));
            return m;
        }

        private static double mean(double[] v, int from) {
            double s = 0;
            int n = 0;
            for (int i = from; i < v.length; i++) {
                if (!Double.isNaN(v[i])) {
                    s += v[i];
                    n++;
                }
            }
            return n == 0 ? Double.NaN : s / n;
        }
    }

    /**
     * Measures on {@code batch}; the network's gradient slots are used as scratch and left zero, its parameters are
     * not changed.
     *
     * @param net the network (its γ is set to 0 for the measurement, its β is kept)
     * @param batch the probe batch
     * @return the report
     */
    public static Report measure(GleNetwork net, Batch batch) {
        GleConfig c0 = net.config();
        GleNetwork probe = reconfigured(net, c0.withGamma(0));
        GleConfig c = probe.config();
        StepInputs in = StepInputs.of(batch, c);
        int rows = in.rows();
        int steps = in.steps();
        int depth = c.depth();
        GleDynamics dyn = new GleDynamics(probe);
        GleState st = new GleState(c, rows);
        Trajectory traj = new Trajectory(c, steps, rows);
        float[][][] gle = new float[depth][steps][];
        probe.parameters().forEach(Parameter::zeroGrad);
        for (int t = 0; t < steps; t++) {
            in.input(t, st.inputBuffer());
            float[] y = in.target(t, st.targetBuffer());
            dyn.step(st, true, true, traj);
            dyn.loss(st, in.labels(), y, true, traj);
            for (int l = 0; l < depth; l++) {
                gle[l][t] = st.errors(l).clone();
            }
        }
        List<float[]> gleGrads = new ArrayList<>();
        probe.parameters().forEach(p -> gleGrads.add(p.grad().clone()));
        probe.parameters().forEach(Parameter::zeroGrad);
        float[][][] exact = new float[depth][steps][];
        new DiscreteAdjoint(probe).backward(traj, (t, l, sbar, n, units) -> {
            float[] v = new float[n * units];
            for (int i = 0; i < v.length; i++) {
                v[i] = -sbar[i] * n; // per-row adjoint (the loss is a mean over rows)
            }
            exact[l][t] = v;
        });
        List<TensorFidelity> tensors = new ArrayList<>();
        List<Parameter> ps = probe.parameters();
        for (int i = 0; i < ps.size(); i++) {
            float[] a = gleGrads.get(i);
            float[] b = ps.get(i).grad();
            tensors.add(new TensorFidelity(ps.get(i).name(), cosine(a, b), norm(a) / norm(b)));
        }
        probe.parameters().forEach(Parameter::zeroGrad);
        double[][] cos = new double[depth][steps];
        double[][] gain = new double[depth][steps];
        double[] rawCos = new double[depth];
        double[] rawGain = new double[depth];
        double[] corCos = new double[depth];
        double[] corGain = new double[depth];
        for (int l = 0; l < depth; l++) {
            int d = 2 * (depth - 1 - l) + 1;
            int units = c.size(l);
            double[] ex = new double[units];
            double[] ee = new double[units];
            for (int t = d; t < steps; t++) {
                float[] g = gle[l][t];
                float[] x = exact[l][t - d];
                for (int i = 0; i < g.length; i++) {
                    ex[i % units] += (double) g[i] * x[i];
                    ee[i % units] += (double) g[i] * g[i];
                }
            }
            double[] fit = new double[units];
            for (int j = 0; j < units; j++) {
                fit[j] = ee[j] == 0 ? 0 : ex[j] / ee[j];
            }
            double[] acc = new double[6];
            for (int t = d; t < steps; t++) {
                float[] g = gle[l][t];
                float[] x = exact[l][t - d];
                for (int i = 0; i < g.length; i++) {
                    double gc = fit[i % units] * g[i];
                    acc[0] += g[i] * (double) x[i];
                    acc[1] += g[i] * (double) g[i];
                    acc[2] += x[i] * (double) x[i];
                    acc[3] += gc * x[i];
                    acc[4] += gc * gc;
                }
            }
            rawCos[l] = acc[0] / Math.sqrt(acc[1] * acc[2]);
            rawGain[l] = Math.sqrt(acc[1] / acc[2]);
            corCos[l] = acc[3] / Math.sqrt(acc[4] * acc[2]);
            corGain[l] = Math.sqrt(acc[4] / acc[2]);
            for (int t = 0; t < steps; t++) {
                int s = t - d;
                if (s < 0 || exact[l][s] == null) {
                    cos[l][t] = Double.NaN;
                    gain[l][t] = Double.NaN;
                    continue;
                }
                cos[l][t] = cosine(gle[l][t], exact[l][s]);
                gain[l][t] = norm(gle[l][t]) / norm(exact[l][s]);
            }
        }
        return new Report(tensors, cos, gain, rawCos, rawGain, corCos, corGain);
    }

    private static GleNetwork reconfigured(GleNetwork net, GleConfig c) {
        GleNetwork copy = GleNetwork.create(c, net.seed());
        for (int l = 0; l < c.depth(); l++) {
            System.arraycopy(net.weights(l), 0, copy.weights(l), 0, net.weights(l).length);
            System.arraycopy(net.biases(l), 0, copy.biases(l), 0, net.biases(l).length);
            System.arraycopy(net.tauM(l), 0, copy.tauM(l), 0, net.tauM(l).length);
        }
        return copy;
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? Double.NaN : ab / Math.sqrt(aa * bb);
    }

    private static double norm(float[] a) {
        double s = 0;
        for (float v : a) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }
}
