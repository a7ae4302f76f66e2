package org.plasticity.data.idx;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.plasticity.data.DataFileException;

/** Reads IDX files from disk, raw or gzipped (detected from the content, not the name). */
public final class IdxFiles {

    private IdxFiles() {
    }

    /**
     * Reads and parses one IDX file (no checksum: use the data cache for verified reads).
     *
     * @param file raw or gzipped IDX file
     * @param fix the command that replaces a bad file, quoted in errors
     * @throws DataFileException if the file is missing, truncated or malformed
     */
    public static IdxData read(Path file, String fix) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "missing", fix, e);
        } catch (IOException e) {
            throw new DataFileException(file, "unreadable: " + e.getMessage(), fix, e);
        }
        byte[] content = raw;
        if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw), 1 << 16)) {
                content = in.readAllBytes();
            } catch (EOFException e) {
                throw new DataFileException(file, "truncated gzip stream (" + raw.length + " bytes)", fix, e);
            } catch (ZipException e) {
                throw new DataFileException(file, "corrupt gzip stream: " + e.getMessage(), fix, e);
            } catch (IOException e) {
                throw new DataFileException(file, "unreadable gzip stream: " + e.getMessage(), fix, e);
            }
        }
        return IdxData.parse(file, content, fix);
    }
}
