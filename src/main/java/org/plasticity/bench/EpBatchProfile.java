package org.plasticity.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.plasticity.data.Batch;
import org.plasticity.data.Dataset;
import org.plasticity.ep.recipes.EpRecipe;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.model.DenseConnection;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.ep.model.NeuronState;
import org.plasticity.ep.model.Nudge;
import org.plasticity.random.Seeds;
import org.plasticity.tensor.Parallel;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.optim.Optimizer;

/**
 * The time split of one EP training batch, from the minimum over many repeats of each part (the minimum
 * is the least disturbed repeat, so it barely moves with the machine's load): input projection
 * ({@code bind}: the per-batch transpose and the product), one relaxation step (free and nudged), the
 * three phases, the weight-update contrasts ({@code accumulatePhiGradient}), the optimizer step, and the
 * whole batch as the trainer runs it. Also: the cost of one thread hand-off ({@link Parallel#forRange}
 * with an empty task) times the hand-offs of one batch, and the bytes allocated per batch by all
 * threads ({@code com.sun.management.ThreadMXBean}).
 *
 * @param batchMicros one whole training batch (min)
 * @param projectionMicros input projection incl. the transpose of W (min)
 * @param prepareMicros the per-batch preparation of the connections inside the projection (the transposes of the
 *     wide hidden couplings' W, min; the input connection's projection transposes the batch instead)
 * @param freeStepMicros one free-phase step (min of {@code relax(s, 0, 1)})
 * @param nudgedStepMicros one nudged step (min of {@code relax(s, β, 1)})
 * @param activationStepMicros the activations ρ of one free step alone (all layers, the rows split as in
 *     {@code relax}; min over whole phases, per step): the rest of a step is the coupling products and bias
 * @param freeMicros the free phase of T1 steps (min)
 * @param nudgedMicros one nudged phase of T2 steps (min)
 * @param gradientMicros the weight-update contrasts (min)
 * @param optimizerMicros the optimizer step (min)
 * @param handoffMicros one empty {@link Parallel#forRange} over the batch rows (min)
 * @param handoffsPerBatch hand-offs in one batch (phases, projection, transposes, gradient products)
 * @param bytesPerBatch bytes allocated per batch, all threads (mean over the repeats; -1 if unknown)
 * @param flopsPerBatch input projection + relaxation + update FLOPs of one batch
 */
record EpBatchProfile(double batchMicros, double projectionMicros, double prepareMicros, double freeStepMicros,
        double nudgedStepMicros, double activationStepMicros, double freeMicros, double nudgedMicros, double gradientMicros, double optimizerMicros, double handoffMicros,
        int handoffsPerBatch, double bytesPerBatch, double flopsPerBatch) {

    /**
     * Profiles one recipe at one batch size.
     *
     * @param recipe the EP recipe
     * @param batch batch size
     * @param train training samples (the batches are real MNIST slices)
     * @param repeats repeats per part (the minimum is kept)
     * @return the split
     */
    static EpBatchProfile measure(EpRecipe recipe, int batch, Dataset train, int repeats) {
        EquilibriumPropagation ep = recipe.learner(1);
        LayeredNetwork net = (LayeredNetwork) ep.model();
        Optimizer opt = recipe.optimizer().create();
        List<Parameter> params = ep.parameters();
        Batch[] batches = new Batch[8];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = EpBench.slice(train, i * batch, batch);
        }
        double beta = ep.beta();
        List<Nudge> terms = List.of(new Nudge(beta, -1 / (2 * beta)), new Nudge(-beta, 1 / (2 * beta)));
        // warm-up: JIT-compile every path
        for (int i = 0; i < Math.max(30, 3000 / batch); i++) {
            trainStep(ep, opt, params, batches[i % batches.length], i);
        }
        double tBatch = Double.MAX_VALUE;
        double tProj = Double.MAX_VALUE;
        double tPrep = Double.MAX_VALUE;
        double tAct = Double.MAX_VALUE;
        double tFreeStep = Double.MAX_VALUE;
        double tNudgedStep = Double.MAX_VALUE;
        double tFree = Double.MAX_VALUE;
        double tNudged = Double.MAX_VALUE;
        double tGrad = Double.MAX_VALUE;
        double tOpt = Double.MAX_VALUE;
        double tHand = Double.MAX_VALUE;
        long bytes = 0;
        long[] ids = allThreadIds();
        for (int i = 0; i < repeats; i++) {
            Batch b = batches[i % batches.length];
            long a0 = allocated(ids);
            long t0 = System.nanoTime();
            trainStep(ep, opt, params, b, i);
            long t1 = System.nanoTime();
            bytes += allocated(ids) - a0;
            tBatch = Math.min(tBatch, t1 - t0);

            params.forEach(Parameter::zeroGrad);
            t0 = System.nanoTime();
            net.bind(b);
            t1 = System.nanoTime();
            tProj = Math.min(tProj, t1 - t0);
            t0 = System.nanoTime();
            // as bind does: a dense input connection is never prepared (its projection transposes the batch,
            // or splits W's rows for a tiny batch); the transposes left are those of the wide hidden couplings
            for (int c = net.connection(0) instanceof DenseConnection ? 1 : 0; c < net.dynamicLayers(); c++) {
                net.connection(c).prepare(batch);
            }
            t1 = System.nanoTime();
            tPrep = Math.min(tPrep, t1 - t0);
            NeuronState free = net.state(0);
            net.reset(free);
            t0 = System.nanoTime();
            net.relax(free, 0, ep.t1());
            t1 = System.nanoTime();
            tFree = Math.min(tFree, t1 - t0);
            t0 = System.nanoTime();
            net.relax(free, 0, 1);
            t1 = System.nanoTime();
            tFreeStep = Math.min(tFreeStep, t1 - t0);
            NeuronState plus = net.state(1);
            plus.copyFrom(free);
            t0 = System.nanoTime();
            net.relax(plus, beta, ep.t2());
            t1 = System.nanoTime();
            tNudged = Math.min(tNudged, t1 - t0);
            t0 = System.nanoTime();
            net.relax(plus, beta, 1);
            t1 = System.nanoTime();
            tNudgedStep = Math.min(tNudgedStep, t1 - t0);
            NeuronState minus = net.state(2);
            minus.copyFrom(free);
            net.relax(minus, -beta, ep.t2());
            t0 = System.nanoTime();
            activationPhase(net, minus, free, ep.t1());
            t1 = System.nanoTime();
            tAct = Math.min(tAct, (t1 - t0) / (double) ep.t1());
            t0 = System.nanoTime();
            net.accumulatePhiGradient(List.of(plus, minus), terms);
            t1 = System.nanoTime();
            tGrad = Math.min(tGrad, t1 - t0);
            t0 = System.nanoTime();
            opt.step(params, 0);
            t1 = System.nanoTime();
            tOpt = Math.min(tOpt, t1 - t0);
            int rows = batch;
            t0 = System.nanoTime();
            Parallel.forRange(rows, 1, (r0, r1) -> {
            });
            t1 = System.nanoTime();
            tHand = Math.min(tHand, t1 - t0);
        }
        // hand-offs per batch: 3 phases, the projection, one transpose per prepared connection, and about
        // one split product per connection in the gradient
        int connections = net.dynamicLayers();
        int handoffs = Parallel.threads() == 1 ? 0 : 3 + 1 + connections + connections;
        double flops = flopsPerBatch(net, ep, batch);
        return new EpBatchProfile(tBatch / 1e3, tProj / 1e3, tPrep / 1e3, tFreeStep / 1e3, tNudgedStep / 1e3, tAct / 1e3,
                tFree / 1e3,
                tNudged / 1e3, tGrad / 1e3, tOpt / 1e3, tHand / 1e3, handoffs,
                bytes < 0 ? -1 : bytes / (double) repeats, flops);
    }

    /**
     * The activations of {@code steps} relaxation steps alone, rows split over the threads exactly as
     * {@link LayeredNetwork#relax(NeuronState, double, int)} does: per step and layer {@code ρ} of the
     * drive-sized values of {@code from} (a relaxed state's rates, so realistic inputs) into {@code to}.
     */
    private static void activationPhase(LayeredNetwork net, NeuronState from, NeuronState to, int steps) {
        int rows = net.rows();
        long work = Math.max(1, net.stepMacsPerRow() * steps);
        int grain = (int) Math.max(1, Math.min(rows, 400_000 / work));
        int d = net.dynamicLayers();
        Parallel.forRange(rows, grain, (r0, r1) -> {
            for (int t = 0; t < steps; t++) {
                for (int l = 0; l < d; l++) {
                    int n = net.layerSize(l);
                    net.activation(l).apply(net.kernels(), from.rates(l), r0 * n, to.rates(l), r0 * n, (r1 - r0) * n);
                }
            }
        });
    }

    /** Input projection + relaxation + weight-update FLOPs of one training batch. */
    static double flopsPerBatch(LayeredNetwork net, EquilibriumPropagation ep, int batch) {
        double proj = 2.0 * net.inputMacsPerRow() * batch;
        double relax = 2.0 * ep.relaxationMacsPerSample() * batch;
        double update = net.inputMacsPerRow();
        for (int l = 1; l < net.dynamicLayers(); l++) {
            update += 2.0 * net.layerSize(l - 1) * net.layerSize(l);
        }
        return proj + relax + 2.0 * update * batch;
    }

    private static void trainStep(EquilibriumPropagation ep, Optimizer opt, List<Parameter> params, Batch b, int i) {
        params.forEach(Parameter::zeroGrad);
        ep.computeGradients(b, new StepContext(0, i, i, 1, Seeds.stream(1, Seeds.STEP, 0, i)));
        opt.step(params, 0);
    }

    private static long[] allThreadIds() {
        return ManagementFactory.getThreadMXBean().getAllThreadIds();
    }

    /** Bytes allocated so far by the given threads (and any thread started since), or a negative value. */
    private static long allocated(long[] ids) {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                && mx.isThreadAllocatedMemorySupported()) {
            long sum = 0;
            for (long v : mx.getThreadAllocatedBytes(mx.getAllThreadIds())) {
                sum += Math.max(0, v);
            }
            return sum;
        }
        return Long.MIN_VALUE / 4;
    }

    /** The FLOP rate of the whole batch over the given peak (fraction of the compute limit). */
    double peakFraction(double peakGflops) {
        return flopsPerBatch / (batchMicros * 1e3) / peakGflops;
    }

    /** Several lines: the split of one batch. */
    String describe(int t1, int t2, int nudgedPhases) {
        double phases = freeMicros + nudgedPhases * nudgedMicros;
        double other = batchMicros - projectionMicros - phases - gradientMicros - optimizerMicros;
        return String.format(Locale.ROOT, "one batch (min of repeats, %d thread%s): %.0f µs = projection %.0f (%.0f%%;"
                + " transposes %.0f)"
                + " + relaxation %.0f (%.0f%%: free %d×%.1f µs, nudged %d×%d×%.1f µs; per step ρ %.1f µs, couplings %.1f µs)"
                + " + update %.0f (%.0f%%) + optimizer %.0f (%.0f%%) + rest %.0f;%n"
                + "    hand-offs %d × %.1f µs = %.0f µs (%.0f%%); allocated %.0f bytes/batch; %.1f MFLOP/batch → %.1f GFLOP/s",
                Parallel.threads(), Parallel.threads() == 1 ? "" : "s", batchMicros, projectionMicros,
                100 * projectionMicros / batchMicros, prepareMicros, phases, 100 * phases / batchMicros, t1, freeMicros / t1,
                nudgedPhases, t2, nudgedMicros / t2, activationStepMicros, freeMicros / t1 - activationStepMicros,
                gradientMicros, 100 * gradientMicros / batchMicros, optimizerMicros,
                100 * optimizerMicros / batchMicros, other, handoffsPerBatch, handoffMicros, handoffsPerBatch * handoffMicros,
                100 * handoffsPerBatch * handoffMicros / batchMicros, bytesPerBatch, flopsPerBatch / 1e6,
                flopsPerBatch / (batchMicros * 1e3));
    }
}
