package org.plasticity.data.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.plasticity.data.DataFileException;
import org.plasticity.io.AtomicFiles;
import org.plasticity.io.FileTrees;

/**
 * Fills the {@link DataCache} with a data set: tries each of its sources in order, verifies every
 * staged file (archive checksum where published, then size and content SHA-256), and only then
 * writes it into the cache with {@link AtomicFiles} (temporary file, then atomic rename). Downloads
 * and copies land in a scratch folder first, so an interrupted one never reaches the cache. A failing source leaves nothing behind; the next one is tried.
 *
 * @param cache the cache to fill
 */
public record CacheFiller(DataCache cache) {

    /**
     * Makes sure every file of {@code spec} is in the cache and verified.
     *
     * @return what happened (already present, or which source filled it)
     * @throws DataFileException naming every source tried and why each failed
     */
    public FillReport fill(DatasetSpec spec) {
        List<DataFile> missing = new ArrayList<>();
        for (DataFile f : spec.files()) {
            if (!isValid(f, spec)) {
                missing.add(f);
            }
        }
        if (missing.isEmpty()) {
            return new FillReport(spec.name(), "already in cache", List.of(), List.of());
        }
        List<String> failures = new ArrayList<>();
        for (FileSource source : spec.sources()) {
            try {
                List<Path> written = fillFrom(source, missing, spec);
                return new FillReport(spec.name(), source.describe(), written, failures);
            } catch (IOException | RuntimeException e) {
                failures.add(source.describe() + ": " + e.getMessage());
            }
        }
        StringBuilder tried = new StringBuilder();
        for (String f : failures) {
            tried.append("\n  - ").append(f);
        }
        StringBuilder manual = new StringBuilder("get the files by hand with one of:");
        for (FileSource s : spec.sources()) {
            manual.append("\n  - ").append(s.manualCommand());
        }
        manual.append("\n  and copy them (decompressed) to ").append(cache.root().resolve(spec.name()));
        throw new DataFileException(cache.pathOf(missing.get(0)),
                "cannot fill data set '" + spec.name() + "', every source failed:" + tried, manual.toString());
    }

    private boolean isValid(DataFile f, DatasetSpec spec) {
        if (!cache.isPresent(f)) {
            return false;
        }
        try {
            cache.readVerified(f, spec.fillCommand(cache));
            return true;
        } catch (DataFileException e) {
            return false;
        }
    }

    private List<Path> fillFrom(FileSource source, List<DataFile> missing, DatasetSpec spec) throws IOException {
        Files.createDirectories(cache.root());
        Path work = Files.createTempDirectory(cache.root(), ".fill-" + spec.name() + "-");
        try {
            Map<DataFile, Path> staged = source.stage(missing, work);
            List<byte[]> contents = new ArrayList<>();
            for (DataFile f : missing) {
                Path p = staged.get(f);
                if (p == null) {
                    throw new IOException(source.describe() + " did not deliver " + f.path());
                }
                contents.add(verifiedContent(f, p, spec));
            }
            List<Path> written = new ArrayList<>();
            for (int i = 0; i < missing.size(); i++) {
                DataFile f = missing.get(i);
                byte[] content = contents.get(i);
                if (f.contentSha256() == null) {
                    AtomicFiles.write(cache.root().resolve(f.sidecarPath()),
                            (Checksums.sha256(content) + "\n").getBytes(StandardCharsets.US_ASCII));
                }
                AtomicFiles.write(cache.pathOf(f), content);
                written.add(cache.pathOf(f));
            }
            return written;
        } finally {
            FileTrees.deleteTree(work);
        }
    }

    private byte[] verifiedContent(DataFile f, Path staged, DatasetSpec spec) throws IOException {
        byte[] raw = Files.readAllBytes(staged);
        if (f.archiveSha256() != null && Archives.isGzip(raw)) {
            String got = Checksums.sha256(raw);
            if (!got.equals(f.archiveSha256())) {
                throw new IOException(f.path() + ".gz: sha256 " + got + " differs from the published " + f.archiveSha256());
            }
        }
        byte[] content = DataCache.decompressIfGzip(staged, raw, spec.fillCommand(cache));
        if (f.contentSha256() != null) {
            cache.checkContent(staged, f, content, spec.fillCommand(cache));
        } else if (f.contentBytes() >= 0 && content.length != f.contentBytes()) {
            throw new IOException(f.path() + ": " + content.length + " bytes, expected " + f.contentBytes());
        }
        return content;
    }

    @Override
    public String toString() {
        return "CacheFiller[" + cache.root() + "]";
    }
}
