package org.plasticity.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a main class of the test class path in a fresh JVM (cross-process tests). */
final class ChildJvm {

    private ChildJvm() {
    }

    static Process start(Path tmp, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    static String finish(Process p) throws IOException, InterruptedException {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("child JVM failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }

    /** Child: creates the smoke store, fills it with a file and prints its path. */
    static final class SmokeChild {
        public static void main(String[] args) throws IOException {
            Path d = SmokeRuns.directory().resolve("exp").resolve("seed-1");
            Files.createDirectories(d);
            Files.write(d.resolve("checkpoint.plck"), new byte[1 << 20]);
            System.out.println(SmokeRuns.directory());
        }
    }

    /** Child: records rows {@code prefix-0 .. prefix-(n-1)} into {@code dir}. */
    static final class CsvChild {
        public static void main(String[] args) {
            ResultsCsv csv = ResultsCsv.at(Path.of(args[0]));
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                csv.record(ResultsConcurrencyTest.row(args[1] + "-" + i));
            }
        }
    }
}
