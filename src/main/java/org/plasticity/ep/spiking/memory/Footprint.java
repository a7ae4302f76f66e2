package org.plasticity.ep.spiking.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.plasticity.data.Batch;
import org.plasticity.train.Learner;
import org.plasticity.train.StepContext;

/**
 * The measured memory of one learner's training step on one batch (JVM heap, HotSpot's counters; <b>measured,
 * not computed</b>):
 * <ul>
 *   <li>{@link #reachableBytes}: the bytes of every array and project object the learner references after two
 *       training steps, counted by walking its object graph ({@link ReachableSize}): its parameters, gradient slots,
 *       state pool and buffers, exactly and the same in every run (the figure the comparison uses).</li>
 *   <li>{@link #retainedBytes}: the live heap the learner keeps after two training steps, after full garbage
 *       collections, minus the live heap before the learner was built: its parameters and gradient slots, its
 *       state pool (EP: the free and nudged states; BPTT: every recorded step of the window) and its buffers.
 *       The peak of a step is this plus the step's short-lived garbage.</li>
 *   <li>{@link #stepAllocatedBytes}: bytes allocated during a fifth step, summed over all threads
 *       ({@code com.sun.management.ThreadMXBean}): what the step allocates afresh (0 for a step that reuses its
 *       buffers; until the JIT has compiled the kernels this includes the Vector API's boxed temporaries, so measure
 *       in a warm process).</li>
 *   <li>{@link #peakBytes}: the heap pools' peak use during that third step minus the live heap before the
 *       learner (an upper bound: the pools' peaks are summed, garbage not yet collected counts).</li>
 * </ul>
 * The heap is shared with whatever else lives in the process; the measurement collects garbage before every
 * reading, so what stays is what someone references. Run it with nothing else training in the process.
 *
 * @param reachableBytes bytes reachable from the learner after two steps ({@link ReachableSize}: exact for its arrays)
 * @param retainedBytes live heap kept by the learner
 * @param stepAllocatedBytes bytes allocated by one warm step, all threads (−1 where HotSpot's counter is missing)
 * @param peakBytes peak heap above the baseline during one warm step
 */
public record Footprint(long reachableBytes, long retainedBytes, long stepAllocatedBytes, long peakBytes) {

    /**
     * Builds a learner and measures its training step on a batch: two warm-up steps, a reading after garbage
     * collection, two more steps, then one measured step.
     *
     * @param learner makes the learner (called once, inside the measurement)
     * @param batch the batch (made before, so it is part of the baseline)
     * @param seed the steps' random stream
     * @return the footprint
     */
    public static Footprint measure(Supplier<? extends Learner> learner, Batch batch, long seed) {
        long before = liveHeap();
        Learner l = learner.get();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 2; i++) {
            step(l, batch, rng, i);
        }
        long reachable = ReachableSize.of(l);
        long retained = liveHeap() - before;
        List<MemoryPoolMXBean> pools = heapPools();
        for (int i = 2; i < 4; i++) {
            step(l, batch, rng, i);
        }
        liveHeap();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long a0 = allocatedAllThreads();
        step(l, batch, rng, 4);
        long a1 = allocatedAllThreads();
        long peak = 0;
        for (MemoryPoolMXBean p : pools) {
            peak += p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed();
        }
        Reference.reachabilityFence(l);
        return new Footprint(reachable, retained, a0 < 0 || a1 < 0 ? -1 : a1 - a0, peak - before);
    }

    private static void step(Learner l, Batch batch, SplittableRandom rng, int i) {
        l.parameters().forEach(p -> p.zeroGrad());
        l.computeGradients(batch, new StepContext(0, i, i, 1, rng));
    }

    /** The heap in use after garbage collection (collected until it stops shrinking, at most 8 times). */
    static long liveHeap() {
        var mem = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            long used = mem.getHeapMemoryUsage().getUsed();
            if (used >= last - 4096) {
                return Math.min(used, last);
            }
            last = used;
        }
        return last;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
                .toList();
    }

    /** Bytes allocated so far by the live threads, summed; −1 when the JVM does not count them. */
    static long allocatedAllThreads() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx)
                || !mx.isThreadAllocatedMemorySupported() || !mx.isThreadAllocatedMemoryEnabled()) {
            return -1;
        }
        long total = 0;
        for (long b : mx.getThreadAllocatedBytes(mx.getAllThreadIds())) {
            total += Math.max(0, b);
        }
        return total;
    }

    /** Reachable memory in MB (10⁶ bytes, as GPU tools report). */
    public double reachableMb() {
        return reachableBytes / 1e6;
    }

    /** Retained heap in MB. */
    public double retainedMb() {
        return retainedBytes / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Footprint[reachable %.2f MB, heap %.2f MB, step allocates %.3f MB, peak %.2f MB]", reachableMb(), retainedMb(),
                stepAllocatedBytes / 1e6, peakBytes / 1e6);
    }
}
