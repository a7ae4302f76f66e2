package org.plasticity.latent.baselines;

import java.util.ArrayList;
import java.util.Collections;
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
 * What the baselines share: sequences of {@code steps} steps of {@code channels} values (a batch with that time axis,
 * or flat samples of {@code steps × channels} values), class logits per sample, softmax cross-entropy, gradients as
 * batch means of the exact backprop, one optimizer step per batch (the trainer's). Parameters are drawn uniformly in
 * ±1/√fan-in (PyTorch's default) from the seed's {@link Seeds#INIT} stream.
 */
public abstract class SequenceClassifier implements Learner {

    protected final int steps;
    protected final int channels;
    protected final int classes;
    private final List<Parameter> params = new ArrayList<>();
    private final SplittableRandom init;
    private final long seed;
    private float[] logits = new float[0];
    private float[] dlogits = new float[0];

    protected SequenceClassifier(int steps, int channels, int classes, long seed) {
        if (steps < 1 || channels < 1 || classes < 2) {
            throw new IllegalArgumentException("need ≥ 1 step, ≥ 1 channel and ≥ 2 classes, got " + steps + ", " + channels
                    + ", " + classes);
        }
        this.steps = steps;
        this.channels = channels;
        this.classes = classes;
        this.seed = seed;
        this.init = Seeds.stream(seed, Seeds.INIT, 0xBA5E);
    }

    /** Adds a parameter drawn uniformly in ±bound (bound 0: zeros). */
    protected final Parameter param(String name, double bound, boolean decayed, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((2 * init.nextDouble() - 1) * bound);
        }
        Parameter p = new Parameter(name, shape, v, 1.0, decayed);
        params.add(p);
        return p;
    }

    @Override
    public final List<Parameter> parameters() {
        return Collections.unmodifiableList(params);
    }

    /** Trainable scalars. */
    public int parameterCount() {
        return params.stream().mapToInt(Parameter::size).sum();
    }

    /** The initialisation seed. */
    public long seed() {
        return seed;
    }

    /**
     * Forward pass of the batch: writes {@code [rows × classes]} logits; keeps what {@link #backward} needs.
     *
     * @param x row-major {@code [rows × steps × channels]}
     * @param rows samples
     * @param logits out
     */
    protected abstract void forward(float[] x, int rows, float[] logits);

    /**
     * Adds dℓ/dθ (summed over rows, already divided by the row count in {@code dlogits}) to the slots.
     *
     * @param x the inputs of the last {@link #forward}
     * @param rows samples
     * @param dlogits ∂L/∂logits
     */
    protected abstract void backward(float[] x, int rows, float[] dlogits);

    private float[] input(Batch b) {
        if (b.featureCount() != steps * channels) {
            throw new IllegalArgumentException("the batch has " + b.featureCount() + " values per sample, this "
                    + describe() + " needs " + steps + " steps × " + channels + " channels");
        }
        return b.features();
    }

    @Override
    public BatchStats computeGradients(Batch batch, StepContext ctx) {
        return run(batch, true);
    }

    @Override
    public BatchStats evaluate(Batch batch) {
        return run(batch, false);
    }

    private BatchStats run(Batch batch, boolean learn) {
        int n = batch.size();
        float[] x = input(batch);
        if (logits.length < n * classes) {
            logits = new float[n * classes];
            dlogits = new float[n * classes];
        }
        forward(x, n, logits);
        double loss = 0;
        long correct = 0;
        int[] y = batch.labels();
        for (int b = 0; b < n; b++) {
            loss += SoftmaxCrossEntropy.lossAndGradient(logits, b * classes, classes, y[b], dlogits, b * classes);
            if (SoftmaxCrossEntropy.argmax(logits, b * classes, classes) == y[b]) {
                correct++;
            }
        }
        if (learn) {
            float inv = 1f / n;
            for (int i = 0; i < n * classes; i++) {
                dlogits[i] *= inv;
            }
            backward(x, n, dlogits);
        }
        return new BatchStats(loss, correct, n);
    }

    /** Logistic function. */
    protected static float sigmoid(float a) {
        return (float) (1 / (1 + Math.exp(-a)));
    }
}
