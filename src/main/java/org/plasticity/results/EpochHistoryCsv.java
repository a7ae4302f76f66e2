package org.plasticity.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plasticity.io.AtomicFiles;
import org.plasticity.train.EpochMetrics;

/**
 * A run's per-epoch history as a small CSV next to its run record ({@code seed-N-history.csv}), so the
 * learning curves of committed full-profile runs can be drawn without their (uncommitted) checkpoints.
 */
public final class EpochHistoryCsv {

    /** The header line. */
    public static final String HEADER = "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,test_loss,"
            + "test_accuracy,seconds";

    private EpochHistoryCsv() {
    }

    /**
     * Writes a history atomically: the fixed columns of {@link #HEADER}, then one column per named extra metric any
     * epoch reported ({@link EpochMetrics#extra()} keys such as {@code train.firing_rate}, sorted; empty where an epoch
     * lacks it). Without extras the file is exactly the {@link #HEADER} format.
     */
    public static void write(Path file, List<EpochMetrics> history) {
        java.util.SortedSet<String> extra = new java.util.TreeSet<>();
        history.forEach(m -> extra.addAll(m.extra().keySet()));
        StringBuilder sb = new StringBuilder(HEADER);
        extra.forEach(k -> sb.append(',').append(k));
        sb.append('\n');
        for (EpochMetrics m : history) {
            sb.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%s", m.epoch(), m.trainLoss(), m.trainAccuracy(),
                    m.validationLoss(), m.validationAccuracy(), m.testLoss(), m.testAccuracy(), m.seconds()));
            for (String k : extra) {
                Double v = m.extra().get(k);
                sb.append(',').append(v == null ? "" : v.toString());
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb);
    }

    /** Reads a history written by {@link #write} (extra metric columns included). */
    public static List<EpochMetrics> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !(lines.get(0).equals(HEADER) || lines.get(0).startsWith(HEADER + ","))) {
                throw new IllegalArgumentException(file + " is not an epoch-history file (header " + HEADER + ")");
            }
            String[] names = lines.get(0).split(",", -1);
            List<EpochMetrics> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                java.util.Map<String, Double> extra = new java.util.TreeMap<>();
                for (int c = 8; c < names.length && c < f.length; c++) {
                    if (!f[c].isEmpty()) {
                        extra.put(names[c], Double.parseDouble(f[c]));
                    }
                }
                out.add(new EpochMetrics(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]), Double.parseDouble(f[7]), extra));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
