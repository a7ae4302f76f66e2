package org.plasticity.train.optim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.plasticity.train.LearnerState;
import org.plasticity.train.Parameter;

/**
 * Adam (Kingma &amp; Ba 2015) with bias correction; with {@code decoupled = true} it is AdamW
 * (Loshchilov &amp; Hutter 2019: decay applied to the weights, not to the gradient).
 *
 * @param learningRate base rate
 * @param beta1 first-moment decay
 * @param beta2 second-moment decay
 * @param epsilon denominator guard
 * @param weightDecay λ ≥ 0
 * @param decoupled AdamW-style decay when true, L2 added to the gradient when false
 * @param clipValue element-wise gradient clip (0 = none), applied before the moments
 * @param schedule learning-rate schedule
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay,
        boolean decoupled, double clipValue, LearningRateSchedule schedule) implements OptimizerSpec {

    /** Validates the hyper-parameters. */
    public Adam {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Adam learning rate must be finite and > 0, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0) || !(weightDecay >= 0) || !(clipValue >= 0)) {
            throw new IllegalArgumentException("Adam needs epsilon > 0, weightDecay ≥ 0, clipValue ≥ 0");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("Adam schedule must not be null; use LearningRateSchedule.constant()");
        }
    }

    /** Adam with PyTorch defaults (β = 0.9, 0.999; ε = 1e-8). */
    public static Adam of(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, 0, false, 0, LearningRateSchedule.constant());
    }

    /** AdamW with decoupled weight decay λ. */
    public static Adam adamW(double learningRate, double weightDecay) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, weightDecay, true, 0, LearningRateSchedule.constant());
    }

    /** A copy with element-wise gradient clipping. */
    public Adam withClipValue(double c) {
        return new Adam(learningRate, beta1, beta2, epsilon, weightDecay, decoupled, c, schedule);
    }

    /** A copy with a learning-rate schedule. */
    public Adam withSchedule(LearningRateSchedule s) {
        return new Adam(learningRate, beta1, beta2, epsilon, weightDecay, decoupled, clipValue, s);
    }

    /** A copy with L2 (coupled) weight decay. */
    public Adam withWeightDecay(double lambda) {
        return new Adam(learningRate, beta1, beta2, epsilon, lambda, decoupled, clipValue, schedule);
    }

    /** A copy with another base rate. */
    public Adam withLearningRate(double lr) {
        return new Adam(lr, beta1, beta2, epsilon, weightDecay, decoupled, clipValue, schedule);
    }

    @Override
    public Optimizer create() {
        return new Instance(this);
    }

    private static final class Instance implements Optimizer {
        private final Adam spec;
        private final Map<String, float[]> m = new HashMap<>();
        private final Map<String, float[]> v = new HashMap<>();
        private long t;

        Instance(Adam spec) {
            this.spec = spec;
        }

        @Override
        public void step(List<Parameter> parameters, int epoch) {
            t++;
            double bc1 = 1 - Math.pow(spec.beta1, t);
            double bc2 = 1 - Math.pow(spec.beta2, t);
            float b1 = (float) spec.beta1;
            float b2 = (float) spec.beta2;
            for (Parameter p : parameters) {
                float[] g = p.grad();
                float[] w = p.value();
                GradientClip.clipValue(g, spec.clipValue);
                double eta = spec.schedule.rate(spec.learningRate * p.lrScale(), epoch);
                float stepSize = (float) (eta / bc1);
                float sqrtBc2 = (float) Math.sqrt(bc2);
                float eps = (float) spec.epsilon;
                float wd = p.decayed() ? (float) spec.weightDecay : 0f;
                float decoupledDecay = spec.decoupled ? (float) (eta * wd) : 0f;
                float l2 = spec.decoupled ? 0f : wd;
                float[] mi = m.computeIfAbsent(p.name(), k -> new float[w.length]);
                float[] vi = v.computeIfAbsent(p.name(), k -> new float[w.length]);
                for (int i = 0; i < w.length; i++) {
                    float gi = g[i] + l2 * w[i];
                    mi[i] = b1 * mi[i] + (1 - b1) * gi;
                    vi[i] = b2 * vi[i] + (1 - b2) * gi * gi;
                    w[i] -= decoupledDecay * w[i];
                    w[i] -= stepSize * mi[i] / ((float) Math.sqrt(vi[i]) / sqrtBc2 + eps);
                }
            }
        }

        @Override
        public LearnerState state() {
            LearnerState.Builder s = LearnerState.builder();
            new TreeMap<>(m).forEach((k, a) -> s.put("m." + k, a));
            new TreeMap<>(v).forEach((k, a) -> s.put("v." + k, a));
            return s.putLong("t", t).build();
        }

        @Override
        public void restoreState(LearnerState state) {
            m.clear();
            v.clear();
            for (String k : state.names()) {
                if (k.startsWith("m.")) {
                    m.put(k.substring(2), state.floats(k));
                } else if (k.startsWith("v.")) {
                    v.put(k.substring(2), state.floats(k));
                }
            }
            t = state.longValue("t", 0);
        }
    }
}
