package org.plasticity.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.plasticity.localca.experiments.Comparisons;
import org.plasticity.localca.experiments.Experiment;
import org.plasticity.localca.experiments.Experiments;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.SweepResult;

/**
 * Runs LocalCA experiments by id (or {@code all}) in the current profile and records their rows;
 * resumable: finished seeds are skipped, an interrupted seed resumes from its checkpoint.
 *
 * <pre>
 * PLASTICITY_PROFILE=full nohup java -Dplasticity.threads=2 -cp target/classes:target/lib/* \
 *     org.plasticity.bench.LocalCaReproduce mnist-bp-ceiling mnist-5f-per-soma &gt; localca.log 2&gt;&amp;1 &amp;
 * </pre>
 * Seeds: {@code -Dplasticity.seeds=42,43} overrides the profile's seeds. The difference claims of
 * {@link Comparisons} ({@code mnist-sandbox-shunting-minus-additive},
 * {@code mnist-sandbox-path-minus-no-path}) are ids too; they run the profile's first n seeds per
 * experiment, n = the number of seeds given (1 by default), as the notebook does.
 */
public final class LocalCaReproduce {

    private LocalCaReproduce() {
    }

    /**
     * @param args experiment ids, or {@code all}, or {@code list}
     */
    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("list")) {
            System.out.println("experiments: " + String.join(" ", Experiments.all().keySet()));
            System.out.println("comparisons: " + String.join(" ", Comparisons.all().keySet()));
            return;
        }
        Map<String, IntFunction<ReproductionRow>> comparisons = Comparisons.all();
        List<String> ids = new ArrayList<>();
        for (String a : args) {
            if (a.equals("all")) {
                ids.addAll(Experiments.all().keySet());
                ids.addAll(comparisons.keySet());
            } else {
                ids.add(a);
            }
        }
        for (String id : ids) { // fail before hours of runs, not after
            if (!comparisons.containsKey(id)) {
                Experiments.byId(id);
            }
        }
        Profile profile = Profile.current();
        String seedProp = System.getProperty("plasticity.seeds");
        long[] seeds = seedProp == null ? null
                : java.util.Arrays.stream(seedProp.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
        for (String id : ids) {
            if (comparisons.containsKey(id)) {
                long t0 = System.nanoTime();
                System.out.println("== comparison " + id + " [" + profile.id() + "]");
                System.out.println("   " + comparisons.get(id).apply(seeds == null ? 1 : seeds.length));
                System.out.printf("   (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
                continue;
            }
            Experiment e = Experiments.byId(id);
            long t0 = System.nanoTime();
            System.out.println("== " + e + " [" + profile.id() + "]");
            SweepResult r = seeds == null ? e.run() : e.run(profile, seeds);
            System.out.println(r);
            for (ReproductionRow row : e.record(r)) {
                System.out.println("   " + row);
            }
            System.out.printf("   (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
        }
    }
}
