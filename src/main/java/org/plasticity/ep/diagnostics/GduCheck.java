package org.plasticity.ep.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plasticity.ep.model.Nudge;
import org.plasticity.data.Batch;
import org.plasticity.ep.bptt.BpttEngine;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.ep.model.NeuronState;
import org.plasticity.train.Parameter;

/**
 * The "gradient-descending updates" check of Ernoult et al. (2019), Theorem 1 (the reference code's
 * {@code --todo gducheck}): when the free phase has converged, EP's step-by-step updates in the nudged
 * phase equal backprop-through-time's gradients, step by step backwards from the end of the free phase.
 *
 * <ul>
 *   <li>neurons: {@code ΔEP_s(t) = (s^β_{t+1} − s^β_t)/β} against {@code −N·∂L/∂a_{T−t−1} =
 *       −N·ρ'(a)⊙∂L/∂s_{T−t}} (N = batch rows, L = batch-mean loss, a the pre-activation). With the
 *       activation outside Φ ({@code s ← ρ(∂Φ/∂s)}, as in the Laborieux et al. code) the neuron increments
 *       carry the factor ρ'; the reference code compares with {@code ∂L/∂s} itself, which matches only
 *       where ρ' ≈ 1;</li>
 *   <li>parameters: {@code ĝ_t = −(1/β)[∂Φ/∂θ(s^β_{t+1}, β) − ∂Φ/∂θ(s^β_t, β)]} against BPTT's gradient
 *       contribution of the transition {@code T−t−1 → T−t}.</li>
 * </ul>
 * With {@code symmetric} the EP side averages the +β and −β runs (Laborieux et al. 2021). The softmax
 * read-out's parameters are not part of the dynamics and are left out.
 */
public final class GduCheck {

    private GduCheck() {
    }

    /**
     * Runs the check on one batch with the network's current parameters (restored afterwards; gradient
     * slots are overwritten).
     *
     * @param net a network with prototypical dynamics
     * @param batch the samples
     * @param t1 free-phase steps (should reach the fixed point)
     * @param t2 compared steps K
     * @param beta |β|
     * @param symmetric average the +β and −β EP runs
     * @return EP updates and BPTT gradients per step
     */
    public static GduResult run(LayeredNetwork net, Batch batch, int t1, int t2, double beta, boolean symmetric) {
        if (t2 > t1) {
            throw new IllegalArgumentException("the compared window T2=" + t2 + " must not exceed T1=" + t1);
        }
        List<Parameter> params = net.dynamicsParameters();
        Map<String, float[][]> ep = epUpdates(net, batch, t1, t2, beta, params);
        if (symmetric) {
            Map<String, float[][]> neg = epUpdates(net, batch, t1, t2, -beta, params);
            for (Map.Entry<String, float[][]> e : ep.entrySet()) {
                float[][] a = e.getValue();
                float[][] b = neg.get(e.getKey());
                for (int t = 0; t < a.length; t++) {
                    for (int i = 0; i < a[t].length; i++) {
                        a[t][i] = 0.5f * (a[t][i] + b[t][i]);
                    }
                }
            }
        }
        Map<String, float[][]> bptt = bpttGradients(net, batch, t1, t2, params);
        return new GduResult(t1, t2, beta, symmetric, ep, bptt);
    }

    private static Map<String, float[][]> epUpdates(LayeredNetwork net, Batch batch, int t1, int t2, double beta,
            List<Parameter> params) {
        net.bind(batch);
        int rows = net.rows();
        NeuronState s = net.state(0);
        net.reset(s);
        net.relax(s, 0, t1);
        NeuronState prev = net.state(1);
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (Parameter p : params) {
            out.put(p.name(), new float[t2][]);
        }
        for (int l = 0; l < net.dynamicLayers(); l++) {
            out.put("s" + (l + 1), new float[t2][]);
        }
        List<Parameter> all = net.parameters();
        for (int t = 0; t < t2; t++) {
            prev.copyFrom(s);
            net.relax(s, beta, 1);
            for (int l = 0; l < net.dynamicLayers(); l++) {
                float[] d = new float[rows * net.layerSize(l)];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (float) ((s.rates(l)[i] - prev.rates(l)[i]) / beta);
                }
                out.get("s" + (l + 1))[t] = d;
            }
            all.forEach(Parameter::zeroGrad);
            net.accumulatePhiGradient(List.of(s, prev), List.of(new Nudge(beta, -1 / beta), new Nudge(beta, 1 / beta)));
            for (Parameter p : params) {
                out.get(p.name())[t] = p.grad().clone();
            }
        }
        all.forEach(Parameter::zeroGrad);
        return out;
    }

    private static Map<String, float[][]> bpttGradients(LayeredNetwork net, Batch batch, int t1, int t2,
            List<Parameter> params) {
        net.bind(batch);
        int rows = net.rows();
        NeuronState s = net.state(0);
        net.reset(s);
        net.relax(s, 0, t1 - t2);
        List<Parameter> all = net.parameters();
        all.forEach(Parameter::zeroGrad);
        BpttEngine engine = new BpttEngine(net);
        engine.record(s, t2);
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (Parameter p : params) {
            out.put(p.name(), new float[t2][]);
        }
        for (int l = 0; l < net.dynamicLayers(); l++) {
            out.put("s" + (l + 1), new float[t2][]);
        }
        Map<String, float[]> previous = new LinkedHashMap<>();
        for (Parameter p : params) {
            previous.put(p.name(), new float[p.size()]);
        }
        engine.backward(new BpttEngine.Observer() {
            @Override
            public void sensitivity(int j, float[][] grads) {
                for (int l = 0; l < grads.length; l++) {
                    float[] d = new float[rows * net.layerSize(l)];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = -rows * grads[l][i];
                    }
                    out.get("s" + (l + 1))[j] = d;
                }
            }

            @Override
            public void parameterStep(int j) {
                for (Parameter p : params) {
                    float[] now = p.grad();
                    float[] before = previous.get(p.name());
                    float[] d = new float[now.length];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = now[i] - before[i];
                    }
                    out.get(p.name())[j] = d;
                    System.arraycopy(now, 0, before, 0, now.length);
                }
            }
        });
        all.forEach(Parameter::zeroGrad);
        return out;
    }
}
