package org.plasticity.train.optim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.plasticity.train.LearnerState;
import org.plasticity.train.Parameter;

/**
 * Stochastic gradient descent with optional (heavy-ball, PyTorch-convention) momentum, L2 weight
 * decay added to the gradient, element-wise gradient clipping and a learning-rate schedule.
 *
 * <p>Update, per parameter with rate {@code η = schedule(lr·lrScale, epoch)}:
 * {@code g ← clip(g) + λθ;  v ← μv + g;  θ ← θ − η v}.
 *
 * @param learningRate base rate
 * @param momentum μ in [0, 1)
 * @param weightDecay λ ≥ 0 (applied to parameters marked decayed)
 * @param clipValue element-wise clip (0 = none)
 * @param schedule learning-rate schedule
 */
public record Sgd(double learningRate, double momentum, double weightDecay, double clipValue,
        LearningRateSchedule schedule) implements OptimizerSpec {

    /** Validates the hyper-parameters. */
    public Sgd {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("SGD learning rate must be finite and > 0, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("SGD momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || !(clipValue >= 0)) {
            throw new IllegalArgumentException("SGD weightDecay and clipValue must be ≥ 0");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("SGD schedule must not be null; use LearningRateSchedule.constant()");
        }
    }

    /** Plain SGD at the given rate. */
    public static Sgd of(double learningRate) {
        return new Sgd(learningRate, 0, 0, 0, LearningRateSchedule.constant());
    }

    /** A copy with momentum μ. */
    public Sgd withMomentum(double mu) {
        return new Sgd(learningRate, mu, weightDecay, clipValue, schedule);
    }

    /** A copy with weight decay λ. */
    public Sgd withWeightDecay(double lambda) {
        return new Sgd(learningRate, momentum, lambda, clipValue, schedule);
    }

    /** A copy with element-wise gradient clipping. */
    public Sgd withClipValue(double c) {
        return new Sgd(learningRate, momentum, weightDecay, c, schedule);
    }

    /** A copy with a learning-rate schedule. */
    public Sgd withSchedule(LearningRateSchedule s) {
        return new Sgd(learningRate, momentum, weightDecay, clipValue, s);
    }

    /** A copy with another base rate. */
    public Sgd withLearningRate(double lr) {
        return new Sgd(lr, momentum, weightDecay, clipValue, schedule);
    }

    @Override
    public Optimizer create() {
        return new Instance(this);
    }

    private static final class Instance implements Optimizer {
        private final Sgd spec;
        private final Map<String, float[]> velocity = new HashMap<>();

        Instance(Sgd spec) {
            this.spec = spec;
        }

        @Override
        public void step(List<Parameter> parameters, int epoch) {
            for (Parameter p : parameters) {
                float[] g = p.grad();
                float[] w = p.value();
                GradientClip.clipValue(g, spec.clipValue);
                float eta = (float) spec.schedule.rate(spec.learningRate * p.lrScale(), epoch);
                float wd = p.decayed() ? (float) spec.weightDecay : 0f;
                if (spec.momentum == 0) {
                    for (int i = 0; i < w.length; i++) {
                        w[i] -= eta * (g[i] + wd * w[i]);
                    }
                } else {
                    float mu = (float) spec.momentum;
                    float[] v = velocity.computeIfAbsent(p.name(), k -> new float[w.length]);
                    for (int i = 0; i < w.length; i++) {
                        v[i] = mu * v[i] + g[i] + wd * w[i];
                        w[i] -= eta * v[i];
                    }
                }
            }
        }

        @Override
        public LearnerState state() {
            LearnerState.Builder s = LearnerState.builder();
            new TreeMap<>(velocity).forEach((k, v) -> s.put("v." + k, v));
            return s.build();
        }

        @Override
        public void restoreState(LearnerState state) {
            velocity.clear();
            for (String k : state.names()) {
                if (k.startsWith("v.")) {
                    velocity.put(k.substring(2), state.floats(k));
                }
            }
        }
    }
}
