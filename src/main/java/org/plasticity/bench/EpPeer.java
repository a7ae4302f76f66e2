package org.plasticity.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plasticity.data.Datasets;
import org.plasticity.ep.EpConfig;
import org.plasticity.ep.EpRecipe;

/**
 * The PyTorch peer's side of {@link EpBench}: runs {@code ep_mnist_peer.py} with the recipe's exact
 * hyper-parameters, {@code OMP_WAIT_POLICY=PASSIVE} and the given intra-op threads, and parses its JSON line.
 *
 * @param samplesPerSecond training samples per second
 * @param threads intra-op threads
 * @param rssMib the peer's peak resident memory (MiB)
 */
record EpPeer(double samplesPerSecond, int threads, double rssMib) {

    String describe() {
        return "PyTorch " + threads + " thread" + (threads == 1 ? "" : "s") + ", OMP_WAIT_POLICY=PASSIVE";
    }

    static EpPeer run(String python, Path script, EpRecipe recipe, int batch, int threads,
            boolean quick) throws IOException, InterruptedException {
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
        int samples = (int) ((batch == 1 ? 200 : batch < 50 ? 800 : 2000) * (quick ? 0.5 : 1));
        cmd.addAll(List.of("--batches", String.valueOf(Math.max(5, samples / batch)), "--warmup",
                String.valueOf(Math.max(3, 100 / batch))));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        Process p = pb.start();
        String last = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                all.append(line).append('\n');
                if (line.startsWith("{")) {
                    last = line;
                }
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0 || last == null) {
            throw new IOException("PyTorch peer failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + "): " + cmd
                    + "\n" + all + "\nInstall it with: apt-get install -y python3-torch");
        }
        return new EpPeer(number(last, "samples_per_sec"), threads, number(last, "max_rss_kb") / 1024.0);
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\s*([-0-9.eE+]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("peer output has no " + key + ": " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EpPeer[%.0f samples/s, %s]", samplesPerSecond, describe());
    }
}
