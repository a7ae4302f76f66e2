package org.plasticity.bench;

/**
 * The command-line options shared by the peer benchmarks that time a training loop against a
 * PyTorch script ({@link GleBench}, {@link LocalCaBench}): {@code --threads N}, {@code --rounds N},
 * {@code --seconds S} (timed seconds per round), {@code --force} (write rows measured under load,
 * marked as such) and {@code --no-write}.
 *
 * @param threads threads per side
 * @param rounds interleaved rounds per side
 * @param seconds timed seconds per round
 * @param force write rows even when the load gate refuses them
 * @param write whether rows go to {@code results/benchmarks.csv}
 */
record BenchOptions(int threads, int rounds, double seconds, boolean force, boolean write) {

    /**
     * Parses {@code args} over the given defaults (7 rounds, writing, not forced).
     *
     * @throws IllegalArgumentException for an unknown option, or fewer than 5 rounds when rows are written
     */
    static BenchOptions parse(String[] args, int defaultThreads, double defaultSeconds) {
        int threads = defaultThreads;
        int rounds = 7;
        double seconds = defaultSeconds;
        boolean force = false;
        boolean write = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--force" -> force = true;
                case "--no-write" -> write = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --threads N, --rounds N, --seconds S, --force, --no-write");
            }
        }
        if (rounds < 5 && write) {
            throw new IllegalArgumentException("a row needs at least 5 interleaved rounds per side, got --rounds " + rounds);
        }
        return new BenchOptions(threads, rounds, seconds, force, write);
    }
}
