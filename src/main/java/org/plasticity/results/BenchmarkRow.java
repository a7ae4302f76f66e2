package org.plasticity.results;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One figure in {@code results/benchmarks.csv}: ours and the peer's, measured side by side in one
 * run. Rows with the same benchmark name replace each other.
 *
 * @param benchmark stable id, e.g. {@code ep-mnist-784-500-10-symmetric-train}
 * @param ours our figure
 * @param peer the peer's figure (NaN when there is no peer)
 * @param unit unit of both figures, e.g. {@code samples/s}
 * @param peakFraction achieved GFLOP/s over the measured sgemm peak (NaN where meaningless)
 * @param threads threads used
 * @param machine machine description
 * @param commit project commit
 * @param date measurement date (ISO)
 * @param notes one line (peer settings, caveats)
 */
public record BenchmarkRow(String benchmark, double ours, double peer, String unit, double peakFraction, int threads,
        String machine, String commit, String date, String notes) {

    /** Column names, in file order. */
    public static final List<String> HEADER = List.of("benchmark", "ours", "peer", "unit", "ratio", "peak_fraction",
            "threads", "machine", "commit", "date", "notes");

    /** Fills provenance defaults and validates the id. */
    public BenchmarkRow {
        if (benchmark == null || benchmark.isBlank() || benchmark.contains(",")) {
            throw new IllegalArgumentException("benchmark must be a non-blank id without commas, got '" + benchmark + "'");
        }
        machine = machine == null ? Provenance.current().machine() : machine;
        commit = commit == null ? Provenance.current().commit() : commit;
        date = date == null ? LocalDate.now().toString() : date;
        notes = notes == null ? "" : notes.replace('\n', ' ');
    }

    /**
     * A row with provenance filled from this process.
     *
     * @param benchmark id
     * @param ours our figure
     * @param peer peer figure (NaN if none)
     * @param unit unit
     * @param peakFraction fraction of sgemm peak (NaN if none)
     * @param threads threads
     * @param notes one line
     * @return the row
     */
    public static BenchmarkRow of(String benchmark, double ours, double peer, String unit, double peakFraction,
            int threads, String notes) {
        return new BenchmarkRow(benchmark, ours, peer, unit, peakFraction, threads, null, null, null, notes);
    }

    /** ours / peer (higher is better); NaN without a peer. */
    public double ratio() {
        return ours / peer;
    }

    List<String> values() {
        return List.of(benchmark, ReproductionRow.num(ours), ReproductionRow.num(peer), unit,
                ReproductionRow.num(ratio()), ReproductionRow.num(peakFraction), String.valueOf(threads), machine, commit,
                date, notes);
    }

    static BenchmarkRow fromValues(List<String> v) {
        return new BenchmarkRow(v.get(0), ReproductionRow.parse(v.get(1)), ReproductionRow.parse(v.get(2)), v.get(3),
                ReproductionRow.parse(v.get(5)), Integer.parseInt(v.get(6)), v.get(7), v.get(8), v.get(9), v.get(10));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: ours %s vs peer %s %s (×%.2f)", benchmark, ReproductionRow.num(ours),
                ReproductionRow.num(peer), unit, ratio());
    }
}
