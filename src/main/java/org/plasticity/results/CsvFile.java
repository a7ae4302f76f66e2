package org.plasticity.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.plasticity.io.AtomicFiles;

/**
 * A small RFC-4180 CSV file with a fixed header, updated atomically: read, transform, write to a
 * temporary file, rename. A crash never leaves a half-written file.
 *
 * <p>Writers are serialised across threads and processes: first an in-JVM lock per canonical path
 * (a {@link FileLock} is held by the whole JVM, so a second thread asking for it would get an
 * {@code OverlappingFileLockException}), then the {@link FileLock} on a sibling lock file, which
 * other processes honour. Every update reads the file afresh under both locks, so no row is lost.
 */
final class CsvFile {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final List<String> header;

    CsvFile(Path file, List<String> header) {
        this.file = file;
        this.header = List.copyOf(header);
    }

    /** Reads all data rows (empty when the file does not exist). */
    List<List<String>> read() {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        List<List<String>> rows = parse(text);
        if (rows.isEmpty()) {
            return new ArrayList<>();
        }
        if (!rows.get(0).equals(header)) {
            throw new IllegalStateException(file + " has header " + rows.get(0) + " but " + header
                    + " is expected (see the results schema); move the file aside to start a new one");
        }
        return new ArrayList<>(rows.subList(1, rows.size()));
    }

    /** Applies {@code change} to the rows under a lock and writes the result atomically. */
    void update(UnaryOperator<List<List<String>>> change) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path lock = dir.resolve("." + file.getFileName() + ".lock");
            ReentrantLock local = IN_PROCESS.computeIfAbsent(canonical(dir).resolve(file.getFileName()),
                    k -> new ReentrantLock());
            local.lock();
            try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                List<List<String>> rows = change.apply(read());
                StringBuilder sb = new StringBuilder();
                appendRow(sb, header);
                for (List<String> r : rows) {
                    if (r.size() != header.size()) {
                        throw new IllegalArgumentException("row has " + r.size() + " values, header has " + header.size());
                    }
                    appendRow(sb, r);
                }
                AtomicFiles.writeString(file, sb);
            } finally {
                local.unlock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not update " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path canonical(Path dir) throws IOException {
        return dir.toRealPath();
    }

    /**
     * Replaces the first row matching {@code sameKey} by {@code row} (dropping later matches), or
     * appends it when none matches.
     */
    void upsert(List<String> row, java.util.function.Predicate<List<String>> sameKey) {
        update(rows -> {
            List<List<String>> out = new ArrayList<>();
            boolean replaced = false;
            for (List<String> r : rows) {
                if (!sameKey.test(r)) {
                    out.add(r);
                } else if (!replaced) {
                    out.add(row);
                    replaced = true;
                }
            }
            if (!replaced) {
                out.add(row);
            }
            return out;
        });
    }

    private static void appendRow(StringBuilder sb, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = values.get(i) == null ? "" : values.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        sb.append('\n');
    }

    /** Parses CSV text with quoted fields. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    @Override
    public String toString() {
        return "CsvFile[" + file + "]";
    }
}
