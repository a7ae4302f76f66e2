package org.plasticity.train;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.plasticity.io.AtomicFiles;

/**
 * The saved state of a run after a whole number of epochs: parameters, learner state, optimizer
 * state and metric history, plus a fingerprint of the configuration that produced it.
 *
 * <p>File format v1 (big-endian): magic {@code PLCK}, version, fingerprint, epochs done, global
 * step, history rows, three named-array sections, CRC32 of everything before it. Writes go to a
 * temporary file in the same directory, are flushed, then atomically renamed, so a kill at any
 * moment leaves either the old or the new checkpoint, never half of one.
 *
 * @param fingerprint configuration fingerprint (model description + trainer config)
 * @param epochsDone completed epochs
 * @param globalStep batches trained so far
 * @param history metrics of the completed epochs
 * @param parameters parameter values by name
 * @param learnerState learner state by name
 * @param optimizerState optimizer state by name
 */
public record Checkpoint(String fingerprint, int epochsDone, long globalStep, List<EpochMetrics> history,
        Map<String, float[]> parameters, Map<String, float[]> learnerState, Map<String, float[]> optimizerState) {

    private static final int MAGIC = 0x504C434B; // "PLCK"
    private static final int VERSION = 1;
    /** File name inside a run's checkpoint directory. */
    public static final String FILE_NAME = "checkpoint.plck";

    /**
     * Writes atomically to {@code file}.
     *
     * @param file the target path (its directory is created)
     */
    public void save(Path file) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(fingerprint);
            out.writeInt(epochsDone);
            out.writeLong(globalStep);
            out.writeInt(history.size());
            for (EpochMetrics m : history) {
                out.writeInt(m.epoch());
                out.writeDouble(m.trainLoss());
                out.writeDouble(m.trainAccuracy());
                out.writeDouble(m.validationLoss());
                out.writeDouble(m.validationAccuracy());
                out.writeDouble(m.testLoss());
                out.writeDouble(m.testAccuracy());
                out.writeDouble(m.seconds());
            }
            writeSection(out, parameters);
            writeSection(out, learnerState);
            writeSection(out, optimizerState);
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            out.flush();
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write checkpoint " + file + ": " + e.getMessage()
                    + " (check that the directory is writable and the disk is not full)", e);
        }
    }

    /**
     * Reads a checkpoint, verifying magic, version and CRC.
     *
     * @param file the checkpoint file
     * @return the checkpoint
     * @throws IllegalStateException naming the file and the fix when it is corrupt
     */
    public static Checkpoint load(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read checkpoint " + file + ": " + e.getMessage(), e);
        }
        String fix = " Delete " + file + " to restart this run from epoch 0.";
        if (all.length < 16) {
            throw new IllegalStateException("checkpoint " + file + " is truncated (" + all.length + " bytes)." + fix);
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = ByteBuffer.wrap(all, all.length - 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        if (stored != crc.getValue()) {
            throw new IllegalStateException("checkpoint " + file + " is corrupt (CRC mismatch)." + fix);
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, 0, all.length - 8))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalStateException(file + " is not a Plasticity checkpoint (bad magic)." + fix);
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalStateException("checkpoint " + file + " has format v" + version
                        + ", this library reads v" + VERSION + "." + fix);
            }
            String fp = in.readUTF();
            int done = in.readInt();
            long step = in.readLong();
            int rows = in.readInt();
            List<EpochMetrics> hist = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                hist.add(new EpochMetrics(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            return new Checkpoint(fp, done, step, List.copyOf(hist), readSection(in), readSection(in), readSection(in));
        } catch (EOFException e) {
            throw new IllegalStateException("checkpoint " + file + " is truncated." + fix, e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read checkpoint " + file, e);
        }
    }

    private static void writeSection(DataOutputStream out, Map<String, float[]> section) throws IOException {
        out.writeInt(section.size());
        for (Map.Entry<String, float[]> e : section.entrySet()) {
            out.writeUTF(e.getKey());
            float[] a = e.getValue();
            out.writeInt(a.length);
            ByteBuffer buf = ByteBuffer.allocate(a.length * 4).order(ByteOrder.BIG_ENDIAN);
            buf.asFloatBuffer().put(a);
            out.write(buf.array());
        }
    }

    private static Map<String, float[]> readSection(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, float[]> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String k = in.readUTF();
            int len = in.readInt();
            byte[] raw = new byte[len * 4];
            in.readFully(raw);
            float[] a = new float[len];
            ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(a);
            m.put(k, a);
        }
        return m;
    }

    @Override
    public String toString() {
        return "Checkpoint[epochs=" + epochsDone + ", step=" + globalStep + ", params=" + parameters.size() + "]";
    }
}
