package org.plasticity.bench;

import org.plasticity.data.Datasets;
import org.plasticity.data.Splits;
import org.plasticity.ep.recipes.EpPresets;
import org.plasticity.ep.recipes.EpRecipe;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.tensor.Parallel;

/**
 * Prints the time split of one training batch ({@link EpBatchProfile}, minimum over repeats, so it can be
 * taken on a busy machine) for 784-500-10 symmetric at batch 50 and 784-500-500-10 at batch 50. Threads
 * come from {@code -Dplasticity.threads}; use 1 for a per-core profile.
 *
 * <pre>java --add-modules jdk.incubator.vector -Dplasticity.threads=1 -cp target/classes:target/lib/* \
 *     org.plasticity.bench.EpProfile [repeats] [batch] [both|shallow|deep]</pre>
 *
 * <p>The peer's split: {@code ep_mnist_peer.py --profile N} (same parts, same minimum).
 */
public final class EpProfile {

    private EpProfile() {
    }

    /**
     * @param args optional: repeats per part (default 200), batch size (default 50), which nets ({@code both},
     *     {@code shallow} = 784-500-10, {@code deep} = 784-500-500-10; default both)
     */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String which = args.length > 2 ? args[2] : "both";
        Splits mnist = Datasets.mnist();
        System.out.println("EpProfile: " + FloatKernels.get().name() + " kernels, " + Parallel.threads() + " threads, load "
                + LoadStamp.now());
        EpRecipe[] recipes = {EpPresets.laborieux2021Mnist(), EpPresets.laborieux2021MnistTwoHidden()};
        for (int i = 0; i < recipes.length; i++) {
            EpRecipe r = recipes[i];
            if (which.equals(i == 0 ? "deep" : "shallow")) {
                continue;
            }
            // the two-hidden-layer net costs about ten times more per batch
            EpBatchProfile p = EpBatchProfile.measure(r, batch, mnist.trainSet(), Math.max(5, i == 0 ? repeats : repeats / 5));
            System.out.println(r.config().architecture() + " batch " + batch + ":");
            System.out.println("    " + p.describe(r.config().t1(), r.config().t2(), r.config().estimator().nudgedPhases()));
        }
        System.out.println("load at end " + LoadStamp.now());
    }
}
