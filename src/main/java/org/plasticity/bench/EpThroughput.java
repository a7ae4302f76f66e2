package org.plasticity.bench;

import java.util.List;
import java.util.Locale;
import org.plasticity.ep.model.Nudge;
import org.plasticity.data.Batch;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.ep.EpRecipe;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.ep.model.NeuronState;
import org.plasticity.random.Seeds;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.optim.Optimizer;

/**
 * Our side of {@link EpBench}: training throughput of one recipe at one batch size on real MNIST
 * batches, exactly as the trainer runs it ({@code computeGradients} + optimizer step), then a timed
 * breakdown of the same work (input projection, relaxation, gradient, optimizer) and the test-set
 * evaluation time.
 *
 * @param samplesPerSecond training samples per second
 * @param relaxGflops GFLOP/s of the coupling products inside the relaxation loop
 * @param totalGflops GFLOP/s of all products (input projection, relaxation, gradient) over the whole step
 * @param bindMicros input projection per batch (µs)
 * @param relaxMicros all phases per batch (µs)
 * @param gradMicros gradient estimate per batch (µs)
 * @param optMicros optimizer step per batch (µs)
 * @param evalSeconds one evaluation pass over the test set (s)
 * @param peakRssMib peak resident memory of the JVM during this case (MiB)
 */
record EpThroughput(double samplesPerSecond, double relaxGflops, double totalGflops, double bindMicros, double relaxMicros,
        double gradMicros, double optMicros, double evalSeconds, double peakRssMib) {

    static EpThroughput measure(EpRecipe recipe, int batch, Splits mnist, double timeScale) {
        EpBenchMachine.resetPeakRss();
        Dataset train = mnist.trainSet();
        EquilibriumPropagation ep = recipe.learner(1);
        LayeredNetwork net = (LayeredNetwork) ep.model();
        Optimizer opt = recipe.optimizer().create();
        List<Parameter> params = ep.parameters();
        int nb = Math.max(4, 4096 / batch);
        Batch[] batches = new Batch[nb];
        for (int i = 0; i < nb; i++) {
            batches[i] = EpBench.slice(train, i * batch, batch);
        }
        long macsPerSample = ep.relaxationMacsPerSample();
        double targetSeconds = 3.0 * timeScale;
        // warm-up, then timed training steps
        int warm = Math.max(20, 2000 / batch);
        step(ep, opt, params, batches, 0, warm);
        long t0 = System.nanoTime();
        int done = 0;
        while (System.nanoTime() - t0 < targetSeconds * 1e9 || done < 5) {
            step(ep, opt, params, batches, warm + done, 5);
            done += 5;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = done * (double) batch / seconds;
        // breakdown of the same work
        long tb = 0;
        long tr = 0;
        long tg = 0;
        long to = 0;
        int reps = Math.max(5, done / 2);
        for (int i = 0; i < reps; i++) {
            Batch b = batches[i % nb];
            params.forEach(Parameter::zeroGrad);
            long a = System.nanoTime();
            net.bind(b);
            long c = System.nanoTime();
            NeuronState free = net.state(0);
            net.reset(free);
            net.relax(free, 0, ep.t1());
            NeuronState plus = net.state(1);
            plus.copyFrom(free);
            net.relax(plus, ep.beta(), ep.t2());
            NeuronState minus = net.state(2);
            minus.copyFrom(free);
            net.relax(minus, -ep.beta(), ep.t2());
            long d = System.nanoTime();
            double beta = ep.beta();
            net.accumulatePhiGradient(List.of(plus, minus), List.of(new Nudge(beta, -1 / (2 * beta)), new Nudge(-beta, 1 / (2 * beta))));
            long e = System.nanoTime();
            opt.step(params, 0);
            long f = System.nanoTime();
            tb += c - a;
            tr += d - c;
            tg += e - d;
            to += f - e;
        }
        double relaxFlops = 2.0 * macsPerSample * batch;
        double projFlops = 2.0 * net.inputMacsPerRow() * batch;
        double gradFlops = gradientFlops(net, batch);
        double relaxGflops = relaxFlops * reps / tr;
        double totalGflops = (relaxFlops + projFlops + gradFlops) * rate / batch / 1e9;
        long e0 = System.nanoTime();
        Dataset test = mnist.test();
        for (int i = 0; i < test.size(); i += 1000) {
            BatchStats s = ep.evaluate(EpBench.slice(test, i, Math.min(1000, test.size() - i)));
            if (s.count() == 0) {
                throw new IllegalStateException("empty evaluation batch");
            }
        }
        double evalSeconds = (System.nanoTime() - e0) / 1e9;
        return new EpThroughput(rate, relaxGflops, totalGflops, tb / 1e3 / reps, tr / 1e3 / reps, tg / 1e3 / reps,
                to / 1e3 / reps, evalSeconds, EpBenchMachine.peakRssMib());
    }

    private static void step(EquilibriumPropagation ep, Optimizer opt, List<Parameter> params, Batch[] batches, int from, int n) {
        for (int i = from; i < from + n; i++) {
            params.forEach(Parameter::zeroGrad);
            ep.computeGradients(batches[i % batches.length], new StepContext(0, i, i, 1, Seeds.stream(1, Seeds.STEP, 0, i)));
            opt.step(params, 0);
        }
    }

    /** Multiply-adds of the gradient estimate: the input connection once, the others once per nudged phase. */
    private static double gradientFlops(LayeredNetwork net, int batch) {
        double macs = net.inputMacsPerRow();
        for (int l = 1; l < net.dynamicLayers(); l++) {
            macs += 2.0 * net.layerSize(l - 1) * net.layerSize(l);
        }
        return 2.0 * macs * batch;
    }

    String breakdown() {
        return String.format(Locale.ROOT, "per batch: input projection %.0f µs, relaxation %.0f µs, gradient %.0f µs, "
                + "optimizer %.0f µs; test-set evaluation %.2f s", bindMicros, relaxMicros, gradMicros, optMicros, evalSeconds);
    }
}
