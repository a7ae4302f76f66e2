package org.plasticity.baseline;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.random.Seeds;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Learner;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.loss.SoftmaxCrossEntropy;

/**
 * Multinomial logistic regression trained by its exact cross-entropy gradient: the reference
 * {@link Learner} for the quickstart, for trainer tests, and the linear floor every model should
 * beat (about 92% on MNIST).
 */
public final class SoftmaxRegression implements Learner {

    private final int inputs;
    private final int classes;
    private final Parameter weights;
    private final Parameter bias;
    private final long seed;

    private SoftmaxRegression(int inputs, int classes, long seed) {
        if (inputs < 1 || classes < 2) {
            throw new IllegalArgumentException("need ≥ 1 input and ≥ 2 classes, got " + inputs + " and " + classes);
        }
        this.inputs = inputs;
        this.classes = classes;
        this.seed = seed;
        float[] w = new float[classes * inputs];
        SplittableRandom rng = Seeds.stream(seed, Seeds.INIT);
        double scale = 1.0 / Math.sqrt(inputs);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((rng.nextDouble() * 2 - 1) * scale);
        }
        this.weights = Parameter.of("W", w, classes, inputs);
        this.bias = new Parameter("b", new int[] {classes}, new float[classes], 1.0, false);
    }

    /**
     * A model with small uniform initial weights drawn from {@code seed}.
     *
     * @param inputs features per sample
     * @param classes number of classes
     * @param seed initialisation seed
     * @return the model
     */
    public static SoftmaxRegression create(int inputs, int classes, long seed) {
        return new SoftmaxRegression(inputs, classes, seed);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }

    @Override
    public BatchStats computeGradients(Batch batch, StepContext ctx) {
        return pass(batch, true);
    }

    @Override
    public BatchStats evaluate(Batch batch) {
        return pass(batch, false);
    }

    private BatchStats pass(Batch batch, boolean learn) {
        if (batch.featureCount() != inputs) {
            throw new IllegalArgumentException("batch has " + batch.featureCount() + " features, model expects " + inputs);
        }
        checkLabels(batch);
        float[] x = batch.features();
        float[] w = weights.value();
        float[] b = bias.value();
        float[] gw = weights.grad();
        float[] gb = bias.grad();
        float[] z = new float[classes];
        float[] g = learn ? new float[classes] : null;
        double loss = 0;
        long correct = 0;
        int n = batch.size();
        int[] labels = batch.labels();
        for (int s = 0; s < n; s++) {
            int off = s * inputs;
            for (int c = 0; c < classes; c++) {
                double a = b[c];
                int wo = c * inputs;
                for (int j = 0; j < inputs; j++) {
                    a += w[wo + j] * x[off + j];
                }
                z[c] = (float) a;
            }
            int y = labels[s];
            loss += SoftmaxCrossEntropy.lossAndGradient(z, 0, classes, y, g, 0);
            if (SoftmaxCrossEntropy.argmax(z, 0, classes) == y) {
                correct++;
            }
            if (learn) {
                for (int c = 0; c < classes; c++) {
                    // ∂(−log softmax_y)/∂z_c = p_c − [c = y], averaged over the batch
                    float d = g[c] / n;
                    gb[c] += d;
                    int wo = c * inputs;
                    for (int j = 0; j < inputs; j++) {
                        gw[wo + j] += d * x[off + j];
                    }
                }
            }
        }
        return new BatchStats(loss, correct, n);
    }

    private void checkLabels(Batch batch) {
        int[] labels = batch.labels();
        for (int s = 0; s < batch.size(); s++) {
            if (labels[s] < 0 || labels[s] >= classes) {
                throw new IllegalArgumentException("label " + labels[s] + " of sample " + s + " is outside this model's "
                        + classes + " classes [0, " + classes + "): create it with at least " + (labels[s] + 1)
                        + " classes (SoftmaxRegression.create(inputs, dataset.classCount(), seed))");
            }
        }
    }

    @Override
    public String describe() {
        return "SoftmaxRegression(" + inputs + "→" + classes + ", init seed " + seed + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
