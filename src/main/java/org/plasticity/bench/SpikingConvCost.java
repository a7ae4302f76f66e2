package org.plasticity.bench;

import java.util.List;
import java.util.Locale;
import org.plasticity.data.Batch;
import org.plasticity.data.Datasets;
import org.plasticity.data.Splits;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.spiking.SpikeState;
import org.plasticity.ep.spiking.SpikingConvNetwork;
import org.plasticity.ep.spiking.SpikingEp;
import org.plasticity.ep.spiking.recipes.SpikingConvRecipes;
import org.plasticity.random.Seeds;
import org.plasticity.tensor.Parallel;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.optim.Optimizer;
import org.plasticity.train.optim.Sgd;

/**
 * What one epoch of the MNIST 2C stochastic spiking EP protocol costs on this machine (notebook 04, §4.3): trains
 * {@code --batches} real MNIST batches with the Table 3 settings (batch 16, T_free 150, T_nudge 50, random sign,
 * SGD 5e-4) and evaluates {@code --eval} test images (a free phase of T_free steps each), times both on the
 * threads of {@code plasticity.threads}, and extrapolates to one epoch of 60 000 training + 10 000 test images,
 * to the 10k reduced budget and to the paper's 200 epochs. Prints the firing density of each layer at the end of
 * the last free phase, and the load at start and end (the figures are void as speed claims under load).
 *
 * <pre>
 *   java -Dplasticity.threads=1 -cp target/classes:target/lib/* org.plasticity.bench.SpikingConvCost --batches 200 --eval 160
 * </pre>
 */
public final class SpikingConvCost {

    private SpikingConvCost() {
    }

    /**
     * Runs the measurement.
     *
     * @param args {@code --batches N} (default 200), {@code --eval M} (default 160), {@code --pooling max|avg}
     */
    public static void main(String[] args) {
        int batches = 200;
        int eval = 160;
        String pooling = "max";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--batches" -> batches = Integer.parseInt(args[i + 1]);
                case "--eval" -> eval = Integer.parseInt(args[i + 1]);
                case "--pooling" -> pooling = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SpikingConvRecipes.ConvSetting s = SpikingConvRecipes.mnist2c();
        if (pooling.equals("avg")) {
            s = s.pooled(org.plasticity.ep.model.Pooling.AVG);
        }
        double loadStart = LoadStamp.now().load1();
        Splits mnist = Datasets.mnist();
        EquilibriumPropagation ep = s.learner(1);
        SpikingConvNetwork net = SpikingEp.convNetwork(ep);
        Optimizer opt = Sgd.of(s.lr()).create();
        List<Parameter> params = ep.parameters();
        int bs = s.batchSize();
        var it = mnist.trainSet().head(batches * bs).batchesInOrder(bs).iterator();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int done = 0;
        double correct = 0;
        while (it.hasNext()) {
            Batch b = it.next();
            params.forEach(Parameter::zeroGrad);
            var st = ep.computeGradients(b, new StepContext(0, done, done, 1, Seeds.stream(1, Seeds.STEP, 0, done)));
            opt.step(params, 0);
            correct += st.correct();
            done++;
            if (done % 25 == 0) {
                System.out.printf(Locale.ROOT, "  %d batches, %.2f s per batch, train accuracy so far %.3f%n", done,
                        (System.nanoTime() - t0) / 1e9 / done, correct / (done * bs));
            }
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        double trainCpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        long c1 = mx.getCurrentThreadCpuTime();
        double perTrainImage = trainSeconds / (done * bs);
        long t1 = System.nanoTime();
        long evaluated = 0;
        for (Batch b : mnist.test().head(eval).batchesInOrder(bs)) {
            ep.evaluate(b);
            evaluated += b.size();
        }
        double evalSeconds = (System.nanoTime() - t1) / 1e9;
        double evalCpu = (mx.getCurrentThreadCpuTime() - c1) / 1e9;
        double perTestImage = evalSeconds / evaluated;
        Batch probe = mnist.test().head(bs).batchesInOrder(bs).iterator().next();
        net.bind(probe);
        SpikeState st = net.state(0);
        net.reset(st);
        net.relax(st, 0, s.tFree(), new java.util.SplittableRandom(1));
        StringBuilder dens = new StringBuilder();
        for (int l = 0; l < st.layers(); l++) {
            dens.append(String.format(Locale.ROOT, "%s%.3f", l == 0 ? "" : ", ", st.firingDensity(l)));
        }
        double epoch = 60_000 * perTrainImage + 10_000 * perTestImage;
        double reduced = SpikingConvRecipes.REDUCED_TRAIN * perTrainImage + 10_000 * perTestImage;
        System.out.printf(Locale.ROOT, "%s on %d thread(s), %s%n", net.describe(), Parallel.threads(), pooling);
        System.out.printf(Locale.ROOT, "train: %d batches of %d in %.1f s = %.3f s per image (%.2f s per batch)%n", done, bs,
                trainSeconds, perTrainImage, perTrainImage * bs);
        System.out.printf(Locale.ROOT, "test: %d images in %.1f s = %.3f s per image%n", evaluated, evalSeconds, perTestImage);
        System.out.printf(Locale.ROOT, "one epoch (60000 train + 10000 test): %.1f h; paper's 200 epochs: %.0f h (%.0f days) per seed%n",
                epoch / 3600, 200 * epoch / 3600, 200 * epoch / 86400);
        System.out.printf(Locale.ROOT, "reduced (first %d train + 10000 test, 1 epoch): %.1f h%n", SpikingConvRecipes.REDUCED_TRAIN,
                reduced / 3600);
        System.out.printf(Locale.ROOT, "firing density at the free end (16 test images, untrained after %d batches): %s%n", done,
                dens);
        System.out.printf(Locale.ROOT, "CPU time of this thread (all the work with plasticity.threads=1): train %.3f s per image, test %.3f s "
                + "per image; one epoch at that rate (an idle core): %.1f h%n", trainCpu / (done * bs), evalCpu / evaluated,
                (60_000 * trainCpu / (done * bs) + 10_000 * evalCpu / evaluated) / 3600);
        System.out.printf(Locale.ROOT, "load (1 min) at start %.2f, at end %.2f%n", loadStart, LoadStamp.now().load1());
    }
}
