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

    /** Writes a history atomically. */
    public static void write(Path file, List<EpochMetrics> history) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (EpochMetrics m : history) {
            sb.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%s%n", m.epoch(), m.trainLoss(), m.trainAccuracy(),
                    m.validationLoss(), m.validationAccuracy(), m.testLoss(), m.testAccuracy(), m.seconds()));
        }
        AtomicFiles.writeString(file, sb);
    }

    /** Reads a history written by {@link #write}. */
    public static List<EpochMetrics> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                throw new IllegalArgumentException(file + " is not an epoch-history file (header " + HEADER + ")");
            }
            List<EpochMetrics> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                out.add(new EpochMetrics(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]), Double.parseDouble(f[7])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
