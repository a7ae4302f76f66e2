package org.plasticity.notebook.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.ResultsCsv;

/**
 * What the full profile costs on a machine like the one that recorded the results, told before the
 * main job starts: per notebook, the time of its last full-profile execution (with its runs read
 * back from the stored run records) and the training time of those runs if they were not stored
 * yet (the sum of the {@code wall_seconds} of its run records under {@code results/runs/}). A run
 * belongs to a notebook when the notebook names the paper id its {@code results/reproduction.csv}
 * rows carry.
 *
 * @param notebooks per notebook: its cell times and its stored runs
 */
public record FullProfileCost(List<Entry> notebooks) {

    /**
     * One notebook's share.
     *
     * @param times the notebook's recorded cell times
     * @param runs run records attributed to it
     * @param trainingSeconds sum of their recorded wall times
     */
    public record Entry(CellTimes times, int runs, double trainingSeconds) {
    }

    /** Copies the list. */
    public FullProfileCost {
        notebooks = List.copyOf(notebooks);
    }

    /**
     * Estimates the cost of running {@code notebooks} in the full profile.
     *
     * @param notebooks the notebooks to run
     * @param results the results folder ({@code results/}: {@code reproduction.csv} and {@code runs/})
     * @return the estimate
     */
    public static FullProfileCost estimate(List<Path> notebooks, Path results) {
        Map<String, String> paperOf = new LinkedHashMap<>();
        for (ReproductionRow r : ResultsCsv.at(results).reproductionRows()) {
            paperOf.putIfAbsent(r.experiment(), r.paper());
        }
        Map<String, double[]> perPaper = new LinkedHashMap<>(); // paper -> {runs, seconds}
        Path runs = results.resolve("runs");
        if (Files.isDirectory(runs)) {
            try (Stream<Path> records = Files.walk(runs, 2)) {
                for (Path f : (Iterable<Path>) records.filter(FullProfileCost::isRunRecord)::iterator) {
                    String paper = paperOf.get(f.getParent().getFileName().toString());
                    if (paper != null) {
                        double[] acc = perPaper.computeIfAbsent(paper, p -> new double[2]);
                        acc[0]++;
                        acc[1] += wallSeconds(f);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + runs + ": " + e.getMessage(), e);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Path nb : notebooks) {
            String text = read(nb);
            int n = 0;
            double s = 0;
            for (Map.Entry<String, double[]> e : perPaper.entrySet()) {
                if (text.contains(e.getKey())) {
                    n += (int) e.getValue()[0];
                    s += e.getValue()[1];
                }
            }
            out.add(new Entry(CellTimes.read(nb), n, s));
        }
        return new FullProfileCost(out);
    }

    /** Seconds of notebook execution when every run is stored (recorded full-profile times only). */
    public double notebookSeconds() {
        return notebooks.stream().filter(e -> e.times().profile().equals("full"))
                .mapToDouble(e -> e.times().totalSeconds()).sum();
    }

    /** Seconds of training if no run were stored. */
    public double trainingSeconds() {
        return notebooks.stream().mapToDouble(Entry::trainingSeconds).sum();
    }

    /** The lines the main job prints before it starts. */
    public List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add("full profile cost on this machine (estimated from recorded wall times):");
        for (Entry e : notebooks) {
            CellTimes t = e.times();
            String nb = t.notebook().getFileName().toString();
            String last = t.profile().equals("full") ? "its last full run took " + CellTimes.format(t.totalSeconds())
                    : "no full-profile timing recorded (committed outputs: " + (t.profile().isEmpty() ? "?" : t.profile()) + ")";
            String train = e.runs() == 0 ? "no stored runs" : String.format(Locale.ROOT,
                    "%d stored runs, %s of training if they were not stored", e.runs(), CellTimes.format(e.trainingSeconds()));
            l.add("  " + nb + ": " + last + "; " + train);
        }
        long untimed = notebooks.stream().filter(e -> !e.times().profile().equals("full")).count();
        l.add(String.format(Locale.ROOT, "  total: about %s with the stored runs (results/runs/, read back); about %s when "
                + "the runs are not stored yet (they train first: every run checkpoints each epoch and resumes)%s",
                CellTimes.format(notebookSeconds()), CellTimes.format(notebookSeconds() + trainingSeconds()),
                untimed == 0 ? "" : "; plus the notebook time of " + untimed + " notebook" + (untimed == 1 ? "" : "s")
                        + " without a recorded full-profile run"));
        return l;
    }

    private static double wallSeconds(Path record) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            return 0;
        }
        try {
            return Double.parseDouble(p.getProperty("wall_seconds", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String read(Path nb) {
        try {
            return Files.readString(nb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + nb + ": " + e.getMessage(), e);
        }
    }

    /** File-name rule of run records: {@code runs/<experiment>/seed-<n>.properties}. */
    private static boolean isRunRecord(Path f) {
        String n = f.getFileName().toString();
        return n.startsWith("seed-") && n.endsWith(".properties") && Files.isRegularFile(f);
    }
}
