package org.plasticity.ep.spiking.memory;

import java.util.Locale;
import java.util.function.Supplier;
import org.plasticity.data.Batch;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.spiking.SpikingConfig;
import org.plasticity.ep.spiking.SpikingEp;
import org.plasticity.train.Learner;

/**
 * EP against BPTT on one architecture at one batch size: the measured {@link Footprint} of each training step
 * (compared by the bytes each learner references, {@link Footprint#reachableBytes}; the heap after GC as a cross-check)
 * next to the paper's Table 2 (GPU MB, PyTorch on an RTX A5000). The paper's figures contain the framework's
 * fixed cost (CUDA context, caching allocator); ours are the learner's own heap (parameters, gradients, states,
 * buffers), so the ratios are not the same quantity: the difference BPTT − EP, the memory of the recorded window,
 * is the closest comparable figure.
 *
 * @param architecture the architecture's name (e.g. "1FC")
 * @param batch batch size
 * @param tFree free-phase steps (BPTT records all of them)
 * @param tNudge nudged-phase steps of EP
 * @param ep EP's footprint
 * @param bptt BPTT's footprint
 * @param paperEpMb the paper's EP figure (MB), NaN when it has none
 * @param paperBpttMb the paper's BPTT figure (MB), NaN when it has none
 */
public record MemoryComparison(String architecture, int batch, int tFree, int tNudge, Footprint ep, Footprint bptt,
        double paperEpMb, double paperBpttMb) {

    /**
     * Measures a stochastic spiking network's EP step (random sign, as Table 3 for MNIST) and its full BPTT step
     * (all T_free steps recorded, straight-through surrogate) on one batch, EP first.
     *
     * @param architecture name
     * @param net the network
     * @param tFree free steps
     * @param tNudge nudged steps
     * @param beta |β|
     * @param batch the batch
     * @param paperEpMb the paper's EP MB (or NaN)
     * @param paperBpttMb the paper's BPTT MB (or NaN)
     * @return the comparison
     */
    public static MemoryComparison measure(String architecture, SpikingConfig net, int tFree, int tNudge, double beta, Batch batch,
            double paperEpMb, double paperBpttMb) {
        Supplier<Learner> ep = () -> SpikingEp.ep(net, tFree, tNudge, beta, Estimator.RANDOM_SIGN, 1);
        Supplier<Learner> bptt = () -> SpikingEp.bptt(net, tFree, 1);
        return measure(architecture, ep, bptt, tFree, tNudge, batch, paperEpMb, paperBpttMb);
    }

    /**
     * Measures any two learners (e.g. conv networks) on one batch, EP first.
     *
     * @param architecture name
     * @param ep makes the EP learner
     * @param bptt makes the BPTT learner
     * @param tFree free steps (for the record)
     * @param tNudge nudged steps (for the record)
     * @param batch the batch
     * @param paperEpMb the paper's EP MB (or NaN)
     * @param paperBpttMb the paper's BPTT MB (or NaN)
     * @return the comparison
     */
    public static MemoryComparison measure(String architecture, Supplier<? extends Learner> ep, Supplier<? extends Learner> bptt,
            int tFree, int tNudge, Batch batch, double paperEpMb, double paperBpttMb) {
        Footprint e = Footprint.measure(ep, batch, 1);
        Footprint b = Footprint.measure(bptt, batch, 1);
        return new MemoryComparison(architecture, batch.size(), tFree, tNudge, e, b, paperEpMb, paperBpttMb);
    }

    /** BPTT / EP of the reachable memory ({@link Footprint#reachableBytes}). */
    public double ratio() {
        return (double) bptt.reachableBytes() / ep.reachableBytes();
    }

    /** BPTT − EP of the reachable memory, MB. */
    public double differenceMb() {
        return bptt.reachableMb() - ep.reachableMb();
    }

    /** BPTT / EP of the retained heap ({@link Footprint#retainedBytes}, the cross-check). */
    public double heapRatio() {
        return (double) bptt.retainedBytes() / ep.retainedBytes();
    }

    /** The paper's BPTT / EP (NaN without its figures). */
    public double paperRatio() {
        return paperBpttMb / paperEpMb;
    }

    /** The paper's BPTT − EP, MB. */
    public double paperDifferenceMb() {
        return paperBpttMb - paperEpMb;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s batch %d, T %d/%d: EP %.2f MB, BPTT %.2f MB (%.2f×, +%.2f MB; heap %.2f / %.2f MB); paper %s / %s MB",
                architecture, batch, tFree, tNudge, ep.reachableMb(), bptt.reachableMb(), ratio(), differenceMb(), ep.retainedMb(),
                bptt.retainedMb(), paperEpMb, paperBpttMb);
    }
}
