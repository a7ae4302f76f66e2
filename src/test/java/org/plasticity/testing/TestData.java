package org.plasticity.testing;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.ep.model.EnergyModel;
import org.plasticity.ep.model.EpState;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.ep.model.NeuronState;
import org.plasticity.localca.model.Core;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.ForwardPass;
import org.plasticity.localca.model.SynapseTransform;
import org.plasticity.localca.model.TreeConfig;
import org.plasticity.train.loss.SoftmaxCrossEntropy;

/**
 * The one helper for the tests' small synthetic data (never used for reproduction claims), plus the tiny LocalCA
 * architectures the model and rule tests share:
 * <ul>
 *   <li>{@link #blobs} / {@link #blobSplits}: Gaussian blobs;</li>
 *   <li>{@link #prototypes} / {@link #prototypeSplits}: binary prototypes (0.1 / 0.9) plus uniform noise (EP tests);</li>
 *   <li>{@link #sparsePrototypeSplits}: sparse 0/1 prototypes with dropout and noise (LocalCA tests);</li>
 *   <li>{@link #uniformBatch}: one batch of uniform inputs and random labels;</li>
 *   <li>{@link #tinyDenseTree}, {@link #rulesTree}, {@link #forward}, {@link #meanLoss}: LocalCA networks.</li>
 * </ul>
 */
public final class TestData {

    private TestData() {
    }

    /**
     * Gaussian blobs: {@code classes} centres in {@code dim} dimensions, unit-variance noise scaled
     * by {@code noise}.
     */
    public static Dataset blobs(String name, int n, int dim, int classes, double noise, long seed) {
        SplittableRandom centresRng = new SplittableRandom(12345);
        double[][] centres = new double[classes][dim];
        for (double[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = centresRng.nextDouble() * 2 - 1;
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * dim];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            y[i] = c;
            for (int j = 0; j < dim; j++) {
                x[i * dim + j] = (float) (centres[c][j] + noise * gaussian(rng));
            }
        }
        return new Dataset(name, x, y, new int[] {dim}, classes);
    }

    /** Train (400) / validation (100) / test (100) splits of {@link #blobs}. */
    public static Splits blobSplits(int dim, int classes, double noise) {
        return new Splits("blobs", blobs("blobs/train", 400, dim, classes, noise, 1),
                blobs("blobs/val", 100, dim, classes, noise, 2), blobs("blobs/test", 100, dim, classes, noise, 3));
    }

    /** A batch of {@code rows} inputs uniform in [0, 1) with uniformly random labels. */
    public static Batch uniformBatch(int rows, int features, int classes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[rows * features];
        int[] y = new int[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        for (int r = 0; r < rows; r++) {
            y[r] = rng.nextInt(classes);
        }
        return new Batch(x, y, rows, features);
    }

    private static double gaussian(SplittableRandom rng) {
        double u = Math.max(rng.nextDouble(), 1e-300);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /**
     * A linearly separable-ish task: class c has its mean at a random binary prototype (0.1 / 0.9 per feature) plus
     * uniform noise of half-width {@code noise}, clipped to [0, 1].
     */
    public static Dataset prototypes(String name, int n, int features, int classes, double noise, long seed) {
        SplittableRandom proto = new SplittableRandom(1234);
        float[][] centers = new float[classes][features];
        for (float[] c : centers) {
            for (int j = 0; j < features; j++) {
                c[j] = proto.nextDouble() < 0.5 ? 0.1f : 0.9f;
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
            for (int j = 0; j < features; j++) {
                double v = centers[y[i]][j] + noise * (2 * rng.nextDouble() - 1);
                x[i * features + j] = (float) Math.min(1, Math.max(0, v));
            }
        }
        return new Dataset(name, x, y, new int[] {features}, classes);
    }

    /** Train (600) / validation (100) / test (200) splits of {@link #prototypes} with noise 0.5. */
    public static Splits prototypeSplits(int features, int classes) {
        return new Splits("prototypes", prototypes("train", 600, features, classes, 0.5, 1),
                prototypes("val", 100, features, classes, 0.5, 2), prototypes("test", 200, features, classes, 0.5, 3));
    }

    /**
     * Noisy sparse class prototypes in [0, 1]^inputs: each prototype has ~30 % ones; a sample keeps each one with
     * probability 0.8 (at 0.9) and adds uniform noise in [0, 0.3). Train {@code train}, validation and test
     * {@code train / 4} samples each, all drawn from one stream seeded by {@code seed}.
     */
    public static Splits sparsePrototypeSplits(int inputs, int classes, int train, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] proto = new float[classes][inputs];
        for (float[] p : proto) {
            for (int j = 0; j < inputs; j++) {
                p[j] = rng.nextDouble() < 0.3 ? 1f : 0f;
            }
        }
        return new Splits("synthetic", sparse("train", proto, train, rng), sparse("validation", proto, train / 4, rng),
                sparse("test", proto, train / 4, rng));
    }

    private static Dataset sparse(String name, float[][] proto, int n, SplittableRandom rng) {
        int d = proto[0].length;
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(proto.length);
            for (int j = 0; j < d; j++) {
                double v = proto[y[i]][j] * (rng.nextDouble() < 0.8 ? 0.9 : 0.0) + rng.nextDouble() * 0.3;
                x[i * d + j] = (float) Math.min(1.0, v);
            }
        }
        return new Dataset(name, x, y, new int[] {d}, proto.length);
    }

    /** LocalCA: 6 inputs, 2 neurons, branch factors [2, 2], all synapses active, 3 classes, shunting core. */
    public static TreeConfig tinyDenseTree() {
        return new TreeConfig(6, 2, List.of(2, 2), 6, 6, 3, Core.SHUNTING, true, 1.5, 0.5, SynapseTransform.SOFTPLUS, 1);
    }

    /** LocalCA: the headline tree scaled down to 16 inputs, 4 neurons, K_E 6, K_I 3, 3 classes (the rule tests). */
    public static TreeConfig rulesTree() {
        return TreeConfig.headline().withInputSize(16).withNeurons(4).withExcitatorySynapses(6).withInhibitorySynapses(3)
                .withClasses(3);
    }

    /** LocalCA: the forward pass of {@code batch} through {@code net} into a fresh buffer. */
    public static ForwardPass forward(DendriticNetwork net, Batch batch) {
        ForwardPass p = net.newPass(batch.size());
        net.forward(batch.features(), batch.size(), p);
        return p;
    }

    /** LocalCA: the mean cross-entropy of {@code net} on {@code batch}. */
    public static double meanLoss(DendriticNetwork net, Batch batch) {
        ForwardPass pass = forward(net, batch);
        return SoftmaxCrossEntropy.evaluate(pass.logits(), batch.size(), batch.labels(), null).meanLoss();
    }

    /**
     * Working state 0 of a bound layered EP network with every rate drawn uniformly from [0.1, 0.9): a state away
     * from the activation's bounds, for derivative checks.
     */
    public static NeuronState randomRates(LayeredNetwork net, long seed) {
        NeuronState s = net.state(0);
        net.reset(s);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int l = 0; l < net.dynamicLayers(); l++) {
            float[] r = s.rates(l);
            for (int i = 0; i < s.rows() * net.layerSize(l); i++) {
                r[i] = (float) (0.1 + 0.8 * rng.nextDouble());
            }
        }
        return s;
    }

    /**
     * The mean loss after {@code steps} free steps from rest on batch {@code b} (the function backprop-through-time
     * differentiates; stochastic models draw from {@code SplittableRandom(1)}, deterministic ones ignore it).
     */
    public static <S extends EpState> double lossAfterFreeSteps(EnergyModel<S> net, Batch b, int steps) {
        net.bind(b);
        S s = net.state(0);
        net.reset(s);
        net.relax(s, 0, steps, new SplittableRandom(1));
        return net.lossAndCorrect(s, null)[0] / b.size();
    }
}
