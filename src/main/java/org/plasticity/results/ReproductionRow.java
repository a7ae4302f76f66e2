package org.plasticity.results;

import java.util.List;
import java.util.Locale;

/**
 * One claim in {@code results/reproduction.csv} (schema: results-schema.md). Rows with the same
 * {@link #key()} replace each other.
 *
 * @param paper paper id, e.g. {@code ep-standard}
 * @param experiment stable experiment id, e.g. {@code mnist-784-500-10-symmetric}
 * @param dataset data set id, e.g. {@code mnist}
 * @param metric metric id, e.g. {@code test_accuracy}
 * @param paperValue the paper's figure (NaN when it gives none)
 * @param paperStd the paper's std (NaN when none)
 * @param oursMean our mean over seeds
 * @param oursStd our std over seeds (NaN for one seed)
 * @param nSeeds number of seeds
 * @param profile smoke or full
 * @param status comparison outcome
 * @param epochs epochs per run
 * @param wallSeconds total wall time on this machine
 * @param commit project commit that produced it
 * @param notes one line
 */
public record ReproductionRow(String paper, String experiment, String dataset, String metric, double paperValue,
        double paperStd, double oursMean, double oursStd, int nSeeds, Profile profile, Status status, int epochs,
        double wallSeconds, String commit, String notes) {

    /** Column names, in file order. */
    public static final List<String> HEADER = List.of("paper", "experiment", "dataset", "metric", "paper_value",
            "paper_std", "ours_mean", "ours_std", "n_seeds", "profile", "status", "epochs", "wall_seconds", "commit",
            "notes");

    /** Validates identifiers. */
    public ReproductionRow {
        for (String s : new String[] {paper, experiment, dataset, metric}) {
            if (s == null || s.isBlank() || s.contains(",")) {
                throw new IllegalArgumentException("paper, experiment, dataset and metric must be non-blank ids"
                        + " without commas, got '" + s + "'");
            }
        }
        if (profile == null || status == null) {
            throw new IllegalArgumentException("profile and status are required");
        }
        notes = notes == null ? "" : notes.replace('\n', ' ');
        commit = commit == null ? Provenance.current().commit() : commit;
    }

    /** Identity of the claim: paper, experiment, dataset, metric and profile. */
    public List<String> key() {
        return List.of(paper, experiment, dataset, metric, profile.id());
    }

    List<String> values() {
        return List.of(paper, experiment, dataset, metric, num(paperValue), num(paperStd), num(oursMean), num(oursStd),
                String.valueOf(nSeeds), profile.id(), status.id(), String.valueOf(epochs), num(wallSeconds), commit, notes);
    }

    static ReproductionRow fromValues(List<String> v) {
        return new ReproductionRow(v.get(0), v.get(1), v.get(2), v.get(3), parse(v.get(4)), parse(v.get(5)),
                parse(v.get(6)), parse(v.get(7)), Integer.parseInt(v.get(8)), Profile.parse(v.get(9)),
                Status.parse(v.get(10)), Integer.parseInt(v.get(11)), parse(v.get(12)), v.get(13), v.get(14));
    }

    static String num(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        return String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    static double parse(String s) {
        return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s/%s %s %s: ours %s ± %s (n=%d) vs paper %s [%s, %s]", paper, experiment,
                dataset, metric, num(oursMean), num(oursStd), nSeeds, num(paperValue), status.id(), profile.id());
    }
}
