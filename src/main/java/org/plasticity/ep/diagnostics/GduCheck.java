package org.plasticity.ep.diagnostics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.ep.bptt.BpttEngine;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.estimator.GradientEstimator;
import org.plasticity.ep.model.DifferentiableModel;
import org.plasticity.ep.model.EpState;
import org.plasticity.ep.model.Nudge;
import org.plasticity.ep.model.StateView;
import org.plasticity.train.Parameter;

/**
 * The "gradient-descending updates" check of Ernoult et al. (2019), Theorem 1 (the reference code's
 * {@code --todo gducheck}), for any {@link DifferentiableModel}: when the free phase has converged, EP's
 * step-by-step updates in the nudged phases equal backprop-through-time's gradients, step by step
 * backwards from the end of the free phase.
 *
 * <p>The EP side is the estimator's own plan (the {@link Nudge} terms a learner trains with), so the check
 * tests the signs and coefficients training uses. For a plan {@code ĝ = Σ_k c_k ∂Φ/∂θ(s^{β_k}, β_k)}
 * each nudged term ({@code β_k ≠ 0}) is relaxed from s* step by step and contributes, at step t,
 * <ul>
 *   <li>parameters: {@code c_k [∂Φ/∂θ(s^{β_k}_{t+1}, β_k) − ∂Φ/∂θ(s^{β_k}_t, β_k)]} against BPTT's
 *       gradient contribution of the transition {@code T−t−1 → T−t};</li>
 *   <li>neurons: {@code −c_k (s^{β_k}_{t+1} − s^{β_k}_t)} against {@code −N·∂L/∂a_{T−t−1}} (N = batch
 *       rows, L = batch-mean loss, a the step's pre-activation, the model's sensitivity δ). For the
 *       one-sided plan ({@code c = −1/β}) this is {@code (s_{t+1} − s_t)/β}. With the activation outside
 *       Φ ({@code s ← ρ(∂Φ/∂s)}, as in the Laborieux et al. code) the neuron increments carry the factor
 *       ρ'; the reference code compares with {@code ∂L/∂s} itself, which matches only where ρ' ≈ 1.</li>
 * </ul>
 * Free-state terms ({@code β_k = 0}) do not change during the nudged phases and contribute nothing. The
 * one-sided plan {@code [(β, −1/β), (0, 1/β)]} gives the reference code's check; the symmetric plan
 * {@code [(β, −1/2β), (−β, 1/2β)]} averages the +β and −β runs (Laborieux et al. 2021). A plan whose
 * nudge sign disagrees with its coefficients (a flipped β) gives updates of the opposite sign and is
 * reported as disagreeing. Parameters that enter Φ through the cost alone (a read-out) are left out.
 */
public final class GduCheck {

    private GduCheck() {
    }

    /**
     * Runs the check on one batch with the one-sided or symmetric plan at a signed β (gradient slots are
     * overwritten; the parameters are not changed).
     *
     * @param model the network (e.g. a layered network with prototypical dynamics)
     * @param batch the samples
     * @param t1 free-phase steps (should reach the fixed point)
     * @param t2 compared steps K
     * @param beta signed β of the (first) nudged phase
     * @param symmetric use the symmetric plan (±β) instead of the one-sided one
     * @return EP updates and BPTT gradients per step
     */
    public static GduResult run(DifferentiableModel<?> model, Batch batch, int t1, int t2, double beta, boolean symmetric) {
        List<Nudge> plan = symmetric
                ? List.of(new Nudge(beta, -1 / (2 * beta)), new Nudge(-beta, 1 / (2 * beta)))
                : List.of(new Nudge(beta, -1 / beta), new Nudge(0, 1 / beta));
        return run(model, batch, t1, t2, plan);
    }

    /**
     * Runs the check with an estimator's plan at |β| (for {@link Estimator#RANDOM_SIGN} the sign is drawn
     * from {@code rng}, as in training).
     *
     * @param model the network
     * @param batch the samples
     * @param t1 free-phase steps
     * @param t2 compared steps K
     * @param beta |β|
     * @param estimator the estimator whose plan is checked
     * @param rng the stream the plan's sign is drawn from
     * @return EP updates and BPTT gradients per step
     */
    public static GduResult run(DifferentiableModel<?> model, Batch batch, int t1, int t2, double beta, GradientEstimator estimator,
            SplittableRandom rng) {
        return run(model, batch, t1, t2, estimator.plan(beta, rng));
    }

    /**
     * Runs the check with an explicit plan (the EP side of the comparison).
     *
     * @param model the network
     * @param batch the samples
     * @param t1 free-phase steps (should reach the fixed point)
     * @param t2 compared steps K
     * @param plan the terms {@code (β_k, c_k)} of the estimate; at least one with {@code β_k ≠ 0}
     * @return EP updates and BPTT gradients per step
     */
    public static GduResult run(DifferentiableModel<?> model, Batch batch, int t1, int t2, List<Nudge> plan) {
        if (t2 > t1) {
            throw new IllegalArgumentException("the compared window T2=" + t2 + " must not exceed T1=" + t1);
        }
        List<Nudge> nudged = plan.stream().filter(n -> n.beta() != 0).toList();
        if (nudged.isEmpty()) {
            throw new IllegalArgumentException("the plan " + plan + " has no nudged phase");
        }
        return check(model, batch, t1, t2, nudged);
    }

    private static <S extends EpState> GduResult check(DifferentiableModel<S> model, Batch batch, int t1, int t2,
            List<Nudge> nudged) {
        List<Parameter> params = model.dynamicsParameters();
        SplittableRandom rng = new SplittableRandom(0);
        Map<String, float[][]> ep = null;
        for (Nudge term : nudged) {
            Map<String, float[][]> one = epUpdates(model, batch, t1, t2, term, params, rng);
            if (ep == null) {
                ep = one;
            } else {
                for (Map.Entry<String, float[][]> e : ep.entrySet()) {
                    float[][] a = e.getValue();
                    float[][] b = one.get(e.getKey());
                    for (int t = 0; t < a.length; t++) {
                        for (int i = 0; i < a[t].length; i++) {
                            a[t][i] += b[t][i];
                        }
                    }
                }
            }
        }
        Map<String, float[][]> bptt = bpttGradients(model, batch, t1, t2, params, rng);
        return new GduResult(t1, t2, nudged.get(0).beta(), nudged.size() > 1, ep, bptt);
    }

    /** One nudged term's step-by-step contributions, per parameter and per state view. */
    private static <S extends EpState> Map<String, float[][]> epUpdates(DifferentiableModel<S> model, Batch batch, int t1,
            int t2, Nudge term, List<Parameter> params, SplittableRandom rng) {
        model.bind(batch);
        S s = model.state(0);
        model.reset(s);
        model.relax(s, 0, t1, rng);
        S prev = model.state(1);
        List<StateView> views = s.views();
        List<StateView> prevViews = prev.views();
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (Parameter p : params) {
            out.put(p.name(), new float[t2][]);
        }
        for (StateView v : views) {
            out.put(v.name(), new float[t2][]);
        }
        double beta = term.beta();
        double c = term.coefficient();
        List<Parameter> all = model.parameters();
        for (int t = 0; t < t2; t++) {
            model.copy(s, prev);
            model.relax(s, beta, 1, rng);
            for (int v = 0; v < views.size(); v++) {
                float[] now = views.get(v).values();
                float[] before = prevViews.get(v).values();
                float[] d = new float[s.rows() * views.get(v).size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (float) (-c * (now[i] - before[i]));
                }
                out.get(views.get(v).name())[t] = d;
            }
            all.forEach(Parameter::zeroGrad);
            model.accumulatePhiGradient(List.of(s, prev), List.of(new Nudge(beta, c), new Nudge(beta, -c)));
            for (Parameter p : params) {
                out.get(p.name())[t] = p.grad().clone();
            }
        }
        all.forEach(Parameter::zeroGrad);
        return out;
    }

    private static <S extends EpState> Map<String, float[][]> bpttGradients(DifferentiableModel<S> model, Batch batch, int t1,
            int t2, List<Parameter> params, SplittableRandom rng) {
        model.bind(batch);
        int rows = model.rows();
        S s = model.state(0);
        model.reset(s);
        model.relax(s, 0, t1 - t2, rng);
        List<Parameter> all = model.parameters();
        all.forEach(Parameter::zeroGrad);
        BpttEngine<S> engine = new BpttEngine<>(model);
        engine.record(s, t2, rng);
        List<StateView> views = s.views();
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (Parameter p : params) {
            out.put(p.name(), new float[t2][]);
        }
        for (StateView v : views) {
            out.put(v.name(), new float[t2][]);
        }
        Map<String, float[]> previous = new LinkedHashMap<>();
        for (Parameter p : params) {
            previous.put(p.name(), new float[p.size()]);
        }
        engine.backward(new BpttEngine.Observer() {
            @Override
            public void sensitivity(int j, float[][] grads) {
                for (int v = 0; v < grads.length; v++) {
                    float[] d = new float[rows * views.get(v).size()];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = -rows * grads[v][i];
                    }
                    out.get(views.get(v).name())[j] = d;
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
