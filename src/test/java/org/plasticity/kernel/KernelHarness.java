package org.plasticity.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Test access to real kernels: installs them from the packaged jar into {@code target/jupyter}
 * with {@code kernel-spec/install-kernel.sh}, and drives them through Debian's
 * {@code jupyter_client} with {@code kernel/kernel_driver.py} (see that script for the JSON it
 * reads and writes).
 */
public final class KernelHarness {

    /** Debian's Python, which sees Debian's jupyter_client. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    /** The project root (Maven runs tests there). */
    public static final Path ROOT = Path.of("").toAbsolutePath();
    /** Where the tests install kernels. */
    public static final Path JUPYTER_PATH = ROOT.resolve("target/jupyter");
    /** Our kernel's name. */
    public static final String OURS = "plasticity";
    /** rapaio-jupyter-kernel with the same jars, for the benchmark. */
    public static final String RAPAIO = "plasticity-rapaio";

    private static final List<String> INSTALLED = new ArrayList<>();
    /** Classes of the pom's "spark" profile (property spark.sources): in target/classes under -Pspark, not in the jar. */
    private static final String PROFILE_ONLY = "org/plasticity/experiment/sweep/spark/";

    private KernelHarness() {
    }

    /**
     * Installs kernel {@code flavour} ({@code plasticity} or {@code rapaio}) into {@link #JUPYTER_PATH}
     * once per JVM, after checking that the packaged jar holds the compiled classes.
     *
     * @param flavour the {@code --kernel} argument of install-kernel.sh
     * @return the kernel name
     */
    public static synchronized String install(String flavour) {
        String name = flavour.equals("rapaio") ? RAPAIO : OURS;
        if (INSTALLED.contains(name)) {
            return name;
        }
        assertTrue(Files.isExecutable(PYTHON), "Debian's python3 is missing: run kernel-spec/test.sh, which installs Jupyter");
        try {
            Path jar;
            try (Stream<Path> s = Files.list(ROOT.resolve("target"))) {
                jar = s.filter(p -> p.getFileName().toString().matches("plasticity-.*\\.jar"))
                        .filter(p -> !p.getFileName().toString().matches(".*-(sources|javadoc)\\.jar")).findFirst().orElse(null);
            }
            if (jar == null) {
                fail("target/plasticity-*.jar is missing: run kernel-spec/test.sh, or 'mvn -B package -DskipTests' first");
            }
            assertEquals(List.of(), staleClasses(jar, ROOT.resolve("target/classes")), "target/" + jar.getFileName()
                    + " is older than target/classes: run kernel-spec/test.sh, or 'mvn -B package -DskipTests' first");
            Path log = ROOT.resolve("target/install-kernel-" + flavour + ".log");
            Process p = new ProcessBuilder("bash", "kernel-spec/install-kernel.sh", "--no-build", "--jupyter-path",
                    JUPYTER_PATH.toString(), "--kernel", flavour).directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                fail("kernel-spec/install-kernel.sh --kernel " + flavour + " failed:\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        INSTALLED.add(name);
        return name;
    }

    /**
     * Runs the driver on one request and returns its JSON lines.
     *
     * @param request the request (see kernel_driver.py)
     * @param timeoutSeconds upper bound for the whole run
     * @param eachLine called with every line as it arrives (progress), may be null
     * @return the parsed lines
     */
    public static List<JsonObject> drive(JsonObject request, long timeoutSeconds, Consumer<JsonObject> eachLine) {
        try {
            Path stderr = Files.createTempFile(ROOT.resolve("target"), "kernel-driver", ".log");
            ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), driver().toString())
                    .redirectError(stderr.toFile());
            pb.environment().put("JUPYTER_PATH", JUPYTER_PATH.toString());
            pb.environment().put("PYTHONUNBUFFERED", "1");
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(request.toString().getBytes(StandardCharsets.UTF_8));
            }
            List<JsonObject> lines = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (!line.startsWith("{\"")) {
                            System.err.println("kernel driver: " + line); // not an answer: a kernel wrote to stdout
                            continue;
                        }
                        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                        synchronized (lines) {
                            lines.add(o);
                        }
                        if (eachLine != null) {
                            eachLine.accept(o);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "kernel-driver-reader");
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("the kernel driver did not finish within " + timeoutSeconds + " s; its log:\n" + tail(stderr));
            }
            reader.join(10_000);
            synchronized (lines) {
                for (JsonObject o : lines) {
                    if (o.has("fatal")) {
                        fail("the kernel driver failed:\n" + o.get("fatal").getAsString() + "\nlog:\n" + tail(stderr));
                    }
                }
                if (p.exitValue() != 0 || lines.isEmpty()) {
                    fail("the kernel driver exited with " + p.exitValue() + "; its log:\n" + tail(stderr));
                }
                Files.deleteIfExists(stderr);
                return List.copyOf(lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The driver script (a test resource). */
    public static Path driver() {
        try {
            return Path.of(KernelHarness.class.getResource("/kernel/kernel_driver.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON object from alternating keys and values (strings, numbers, booleans, JSON elements). */
    public static JsonObject json(Object... kv) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < kv.length; i += 2) {
            String k = (String) kv[i];
            Object v = kv[i + 1];
            if (v instanceof JsonElement e) {
                o.add(k, e);
            } else if (v instanceof Number n) {
                o.addProperty(k, n);
            } else if (v instanceof Boolean b) {
                o.addProperty(k, b);
            } else {
                o.addProperty(k, String.valueOf(v));
            }
        }
        return o;
    }

    /** A JSON array of the given elements. */
    public static com.google.gson.JsonArray array(JsonElement... elements) {
        com.google.gson.JsonArray a = new com.google.gson.JsonArray();
        Arrays.stream(elements).forEach(a::add);
        return a;
    }

    private static String tail(Path file) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
    }

    /** Class files of {@code classes} that are missing from the jar or differ from its entry. */
    public static List<String> staleClasses(Path jar, Path classes) throws IOException {
        List<String> stale = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile()); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                if (name.startsWith(PROFILE_ONLY)) {
                    continue; // compiled by kernel-spec/test.sh's -Pspark verify, never packaged into the jar
                }
                ZipEntry e = zip.getEntry(name);
                if (e == null || e.getSize() != Files.size(f) || !sameBytes(zip, e, f)) {
                    stale.add(name);
                }
            }
        }
        return stale;
    }

    private static boolean sameBytes(ZipFile zip, ZipEntry e, Path f) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            return Arrays.equals(in.readAllBytes(), Files.readAllBytes(f));
        }
    }
}
