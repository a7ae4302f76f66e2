package org.plasticity.localca;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.random.Seeds;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.loss.SoftmaxCrossEntropy;

/**
 * The point-neuron baseline of the paper's sweeps ({@code point_mlp}): inputs → {@code hidden}
 * ReLU units → linear decoder, trained by backprop, or by direct feedback alignment (a fixed
 * random matrix carries δ^y to the hidden layer; the revised paper's DFA comparison).
 */
public final class PointMlpLearner implements LocalCaLearner {

    private final int inputs;
    private final int hidden;
    private final int classes;
    private final boolean dfa;
    private final long seed;
    private final List<Parameter> parameters;
    private final float[] w1;
    private final float[] b1;
    private final float[] w2;
    private final float[] b2;
    private final float[] feedback;
    private float[][] act = new float[0][];
    private float[][] logits = new float[0][];
    private float[][] error = new float[0][];

    /**
     * @param inputs input size
     * @param hidden hidden ReLU units
     * @param classes outputs
     * @param dfa train the hidden layer by direct feedback alignment instead of backprop
     * @param seed initialisation seed
     */
    public PointMlpLearner(int inputs, int hidden, int classes, boolean dfa, long seed) {
        if (inputs < 1 || hidden < 1 || classes < 2) {
            throw new IllegalArgumentException("need inputs ≥ 1, hidden ≥ 1, classes ≥ 2; got " + inputs + ", " + hidden
                    + ", " + classes);
        }
        this.inputs = inputs;
        this.hidden = hidden;
        this.classes = classes;
        this.dfa = dfa;
        this.seed = seed;
        w1 = uniform(hidden * inputs, 1.0 / Math.sqrt(inputs), Seeds.stream(seed, Seeds.INIT, 0));
        b1 = uniform(hidden, 1.0 / Math.sqrt(inputs), Seeds.stream(seed, Seeds.INIT, 1));
        w2 = uniform(classes * hidden, 1.0 / Math.sqrt(hidden), Seeds.stream(seed, Seeds.INIT, 2));
        b2 = uniform(classes, 1.0 / Math.sqrt(hidden), Seeds.stream(seed, Seeds.INIT, 3));
        feedback = uniform(hidden * classes, 1.0 / Math.sqrt(classes), Seeds.stream(seed, Seeds.INIT, 4));
        parameters = List.of(new Parameter("mlp.W1", new int[] {hidden, inputs}, w1, 1, true),
                new Parameter("mlp.b1", new int[] {hidden}, b1, 1, false),
                new Parameter("mlp.W2", new int[] {classes, hidden}, w2, 1, true),
                new Parameter("mlp.b2", new int[] {classes}, b2, 1, false));
    }

    private static float[] uniform(int n, double bound, SplittableRandom rng) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return a;
    }

    /** Adam 1e-3 with clip-by-value 5 (the backprop rates of the dendritic runs). */
    @Override
    public org.plasticity.train.optim.OptimizerSpec optimizer() {
        return org.plasticity.train.optim.Adam.of(1e-3).withClipValue(5);
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    private void forward(Batch batch) {
        if (batch.featureCount() != inputs) {
            throw new IllegalArgumentException("batch has " + batch.featureCount() + " features, the MLP expects " + inputs);
        }
        int n = batch.size();
        if (act.length < n) {
            act = new float[n][hidden];
            logits = new float[n][classes];
            error = new float[n][classes];
        }
        float[] x = batch.features();
        float[] xi = new float[inputs];
        for (int b = 0; b < n; b++) {
            System.arraycopy(x, b * inputs, xi, 0, inputs);
            for (int h = 0; h < hidden; h++) {
                float s = b1[h] + dotRow(w1, h * inputs, xi, inputs);
                act[b][h] = Math.max(0f, s);
            }
            for (int k = 0; k < classes; k++) {
                logits[b][k] = b2[k] + dotRow(w2, k * hidden, act[b], hidden);
            }
        }
    }

    private static float dotRow(float[] w, int off, float[] v, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += w[off + i] * v[i];
        }
        return s;
    }

    @Override
    public BatchStats computeGradients(Batch batch, StepContext ctx) {
        forward(batch);
        int n = batch.size();
        BatchStats stats = stats(SoftmaxCrossEntropy.evaluate(logits, n, batch.labels(), error));
        float inv = 1f / n;
        float[] gw1 = parameters.get(0).grad();
        float[] gb1 = parameters.get(1).grad();
        float[] gw2 = parameters.get(2).grad();
        float[] gb2 = parameters.get(3).grad();
        float[] dh = new float[hidden];
        float[] x = batch.features();
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < classes; k++) {
                float e = error[b][k] * inv;
                gb2[k] += e;
                for (int h = 0; h < hidden; h++) {
                    gw2[k * hidden + h] += e * act[b][h];
                }
            }
            for (int h = 0; h < hidden; h++) {
                float s = 0;
                for (int k = 0; k < classes; k++) {
                    s += (dfa ? feedback[h * classes + k] : w2[k * hidden + h]) * error[b][k];
                }
                dh[h] = act[b][h] > 0 ? s * inv : 0f;
            }
            int off = b * inputs;
            for (int h = 0; h < hidden; h++) {
                float e = dh[h];
                if (e == 0f) {
                    continue;
                }
                gb1[h] += e;
                int row = h * inputs;
                for (int j = 0; j < inputs; j++) {
                    gw1[row + j] += e * x[off + j];
                }
            }
        }
        return stats;
    }

    @Override
    public BatchStats evaluate(Batch batch) {
        forward(batch);
        return stats(SoftmaxCrossEntropy.evaluate(logits, batch.size(), batch.labels(), null));
    }

    /** Parameter count. */
    public long parameterCount() {
        return (long) w1.length + b1.length + w2.length + b2.length;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "point-mlp %d→%d→%d relu %s seed %d", inputs, hidden, classes,
                dfa ? "dfa" : "bp", seed);
    }

    @Override
    public String toString() {
        return "PointMlpLearner[" + describe() + "]";
    }

    private static BatchStats stats(SoftmaxCrossEntropy.Totals t) {
        return new BatchStats(t.lossSum(), t.correct(), t.rows());
    }
}
