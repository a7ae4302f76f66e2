package org.plasticity.notebook;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Drives the real {@code jshell} tool of the running JDK the way a user does who pastes code into
 * it: the test class path, headless AWT, the Vector API module, the smoke profile and
 * {@code kernel-spec/plasticity.jsh}, with the text written to its standard input as one paste.
 * The tool always exits 0, so {@link Transcript#problems()} reads its output for error reports.
 */
final class JShellTool {

    /** Printed after the pasted text: proves the tool read all of it. */
    static final String END_MARK = "<<plasticity paste end>>";

    /** Output lines that mean a snippet failed (compile error, exception, unusable declaration). */
    private static final Pattern PROBLEM = Pattern.compile(
            "^(jshell> +)*\\|  (Error:|Exception )|cannot be invoked until|cannot be instantiated until"
                    + "|cannot be referenced until|however, it cannot");

    private final Path root;
    private final Path workDir;

    /**
     * A tool started in {@code workDir}, reading the start-up file of the project at {@code root}.
     *
     * @param root the project folder (holds {@code kernel-spec/plasticity.jsh})
     * @param workDir the working directory of the jshell process (files the paste writes land here)
     */
    JShellTool(Path root, Path workDir) {
        this.root = root;
        this.workDir = workDir;
    }

    /**
     * Pastes {@code text} into a fresh {@code jshell} and returns what it printed.
     *
     * @param text the pasted code, lines separated by {@code \n}
     * @param timeout how long the whole session may take
     * @return the transcript
     */
    Transcript paste(String text, Duration timeout) throws IOException, InterruptedException {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        List<String> cmd = new ArrayList<>(List.of(jshell.toString(), "--class-path", classPath(),
                "-R-Djava.awt.headless=true", "-R--add-modules=jdk.incubator.vector", "-R-Dplasticity.profile=smoke",
                "-J-Dfile.encoding=UTF-8", "-R-Dfile.encoding=UTF-8",
                "--startup", "DEFAULT", "--startup", root.resolve("kernel-spec/plasticity.jsh").toString()));
        Files.createDirectories(workDir);
        Path log = Files.createTempFile("plasticity-jshell-", ".log");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            String paste = text.endsWith("\n") ? text : text + "\n";
            in.write((paste + "System.out.println(\"" + END_MARK + "\");\n/exit\n").getBytes(StandardCharsets.UTF_8));
        }
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Transcript(out, done);
    }

    /** The test JVM's class path minus surefire's own jars: our classes and every dependency. */
    private static String classPath() {
        List<String> keep = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isBlank() && !e.contains("surefire")) {
                keep.add(e);
            }
        }
        return String.join(File.pathSeparator, keep);
    }

    /**
     * What the tool printed.
     *
     * @param output everything on stdout and stderr
     * @param finished whether the session ended before the timeout
     */
    record Transcript(String output, boolean finished) {

        /** Lines (with the three lines after each) that report a failed snippet, plus a missing end mark. */
        List<String> problems() {
            List<String> found = new ArrayList<>();
            String[] lines = output.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (PROBLEM.matcher(lines[i]).find()) {
                    StringBuilder sb = new StringBuilder(lines[i].strip());
                    for (int k = i + 1; k < Math.min(lines.length, i + 4); k++) {
                        sb.append(" / ").append(lines[k].strip());
                    }
                    found.add(sb.toString());
                }
            }
            if (!finished) {
                found.add("jshell did not finish in time");
            }
            if (!output.contains(END_MARK)) {
                found.add("jshell never reached the end of the paste");
            }
            return found;
        }

        /** The output after the last {@code maxChars} characters, for failure messages. */
        String tail(int maxChars) {
            return output.length() <= maxChars ? output : "…" + output.substring(output.length() - maxChars);
        }
    }
}
