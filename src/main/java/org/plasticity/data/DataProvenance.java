package org.plasticity.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Where a task's data came from, for result rows: the data set id used in
 * {@code results/reproduction.csv} (e.g. {@code mnist}, {@code kmnist-test-split}), a checksum that
 * identifies the exact input (SHA-256 of the file, or of the files' SHA-256s joined in order; for
 * generated data a hash of the generator's configuration), whether the split is the standard one,
 * and a one-line description of how it was made.
 *
 * @param dataset the data set id for result rows
 * @param checksum hex SHA-256 identifying the input, or empty when unknown
 * @param standardSplit false for substitutes and non-standard splits, which must never be reported
 *     as the paper's number
 * @param description how the splits were made (seeds, sizes), one line
 */
public record DataProvenance(String dataset, String checksum, boolean standardSplit, String description) {

    /** Validates non-null parts. */
    public DataProvenance {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(description, "description");
    }

    /** Provenance of data whose origin this library does not know (hand-built data sets). */
    public static DataProvenance unknown(String dataset) {
        return new DataProvenance(dataset, "", true, "built in memory; origin not recorded");
    }

    /**
     * Provenance of data read from files.
     *
     * @param dataset id for result rows
     * @param fileSha256s the content SHA-256 of each file, in a fixed order
     * @param standardSplit whether the split is the published one
     * @param description how the splits were made
     */
    public static DataProvenance ofFiles(String dataset, List<String> fileSha256s, boolean standardSplit, String description) {
        String sum = fileSha256s.size() == 1 ? fileSha256s.get(0) : sha256(String.join("\n", fileSha256s));
        return new DataProvenance(dataset, sum, standardSplit, description);
    }

    /** Provenance of generated data: the checksum is the SHA-256 of the generator's full configuration. */
    public static DataProvenance generated(String dataset, String configuration, boolean standardSplit, String description) {
        return new DataProvenance(dataset, sha256(configuration), standardSplit, description);
    }

    /** A copy with {@code note} appended to the description. */
    public DataProvenance withNote(String note) {
        return new DataProvenance(dataset, checksum, standardSplit, description.isEmpty() ? note : description + "; " + note);
    }

    /** A copy marked as not the standard split. */
    public DataProvenance nonStandard() {
        return new DataProvenance(dataset, checksum, false, description);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return dataset + (standardSplit ? "" : " (non-standard)") + (checksum.isEmpty() ? "" : " sha256 "
                + checksum.substring(0, Math.min(12, checksum.length())) + "…") + (description.isEmpty() ? "" : ": " + description);
    }
}
