package org.plasticity.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.data.Datasets;
import org.plasticity.ep.EpConfig;
import org.plasticity.ep.recipes.EpRecipe;

/**
 * The PyTorch peer's side of {@link EpBench}: {@code ep_mnist_peer.py} with the recipe's exact
 * hyper-parameters, kept running in serve mode ({@link PeerProcess}) so that its rounds interleave with ours.
 */
final class EpPeer {

    private EpPeer() {
    }

    /**
     * Starts the peer for one case and waits for its warm-up (first calls, at least 100 samples).
     *
     * @param python the interpreter
     * @param script {@code ep_mnist_peer.py}
     * @param recipe the recipe whose hyper-parameters it uses
     * @param batch batch size
     * @param threads intra-op threads
     * @return the running peer
     */
    static PeerProcess start(String python, Path script, EpRecipe recipe, int batch, int threads) {
        EpConfig c = recipe.config();
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--batch", String.valueOf(batch),
                "--t1", String.valueOf(c.t1()), "--t2", String.valueOf(c.t2()), "--beta", String.valueOf(c.beta()),
                "--estimator", c.estimator().toString(), "--activation", c.activation().codeName(),
                "--threads", String.valueOf(threads), "--momentum", "0.9",
                "--data", Datasets.loader().root().resolve("mnist").toString()));
        cmd.add("--hidden");
        for (int h : EpBench.hidden(recipe)) {
            cmd.add(String.valueOf(h));
        }
        cmd.add("--lrs");
        for (int i = 0; i < c.connections(); i++) {
            cmd.add(String.valueOf(c.lrScale(i)));
        }
        cmd.addAll(List.of("--warmup", String.valueOf(Math.max(5, 200 / batch))));
        return new PeerProcess(cmd, threads);
    }

    /** E.g. {@code PyTorch 2 threads, OMP_WAIT_POLICY=PASSIVE}. */
    static String describe(int threads) {
        return "PyTorch " + threads + " thread" + (threads == 1 ? "" : "s") + ", OMP_WAIT_POLICY=PASSIVE";
    }
}
