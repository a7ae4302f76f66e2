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
 * <p>File format v2 (big-endian): magic {@code PLCK}, version, fingerprint, epochs done, global
 * step, history rows (fixed fields, then the named extra metrics), the parameters (named float arrays), the learner
 * and the optimizer state (typed {@link LearnerState} sections: name, kind, length, values), CRC32 of everything
 * before it. Writes go to a temporary file in the same directory, are flushed, then atomically renamed, so a kill at
 * any moment leaves either the old or the new checkpoint, never half of one.
 *
 * <p>Version 1 files (before typed state: float arrays only, doubles / ints / longs packed into float bits) still
 * load: their state sections become {@linkplain LearnerState#isLegacy() legacy} states whose typed getters decode
 * the old packing, so a run interrupted before the upgrade resumes exactly.
 *
 * @param fingerprint configuration fingerprint (model description + trainer config)
 * @param epochsDone completed epochs
 * @param globalStep batches trained so far
 * @param history metrics of the completed epochs
 * @param parameters parameter values by name
 * @param learnerState the learner's typed state
 * @param optimizerState the optimizer's typed state
 */
public record Checkpoint(String fingerprint, int epochsDone, long globalStep, List<EpochMetrics> history,
        Map<String, float[]> parameters, LearnerState learnerState, LearnerState optimizerState) {

    private static final int MAGIC = 0x504C434B; // "PLCK"
    private static final int VERSION = 2;
    private static final int LEGACY_VERSION = 1;
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
                out.writeInt(m.extra().size());
                for (Map.Entry<String, Double> e : m.extra().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeDouble(e.getValue());
                }
            }
            writeSection(out, parameters);
            writeState(out, learnerState);
            writeState(out, optimizerState);
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
            if (version != VERSION && version != LEGACY_VERSION) {
                throw new IllegalStateException("checkpoint " + file + " has format v" + version
                        + ", this library reads v" + LEGACY_VERSION + " and v" + VERSION + "." + fix);
            }
            boolean legacy = version == LEGACY_VERSION;
            String fp = in.readUTF();
            int done = in.readInt();
            long step = in.readLong();
            int rows = in.readInt();
            List<EpochMetrics> hist = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                int epoch = in.readInt();
                double[] f = new double[7];
                for (int k = 0; k < 7; k++) {
                    f[k] = in.readDouble();
                }
                Map<String, Double> extra = new LinkedHashMap<>();
                int n = legacy ? 0 : in.readInt();
                for (int k = 0; k < n; k++) {
                    extra.put(in.readUTF(), in.readDouble());
                }
                hist.add(new EpochMetrics(epoch, f[0], f[1], f[2], f[3], f[4], f[5], f[6], extra));
            }
            Map<String, float[]> params = readSection(in);
            if (legacy) {
                return new Checkpoint(fp, done, step, List.copyOf(hist), params,
                        LearnerState.legacyFloats(readSection(in)), LearnerState.legacyFloats(readSection(in)));
            }
            return new Checkpoint(fp, done, step, List.copyOf(hist), params, readState(in), readState(in));
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

    private static void writeState(DataOutputStream out, LearnerState state) throws IOException {
        if (state.isLegacy()) {
            throw new IllegalStateException("a legacy (v1) state is read-only: restore it into the learner first");
        }
        out.writeInt(state.names().size());
        for (String name : state.names()) {
            out.writeUTF(name);
            LearnerState.Kind kind = state.kind(name);
            out.writeByte(kind.ordinal());
            Object raw = state.raw(name);
            switch (kind) {
                case FLOATS -> {
                    float[] a = (float[]) raw;
                    out.writeInt(a.length);
                    for (float v : a) {
                        out.writeFloat(v);
                    }
                }
                case DOUBLES -> {
                    double[] a = (double[]) raw;
                    out.writeInt(a.length);
                    for (double v : a) {
                        out.writeDouble(v);
                    }
                }
                case INTS -> {
                    int[] a = (int[]) raw;
                    out.writeInt(a.length);
                    for (int v : a) {
                        out.writeInt(v);
                    }
                }
                case LONGS -> {
                    long[] a = (long[]) raw;
                    out.writeInt(a.length);
                    for (long v : a) {
                        out.writeLong(v);
                    }
                }
                default -> throw new IllegalStateException("unknown kind " + kind);
            }
        }
    }

    private static LearnerState readState(DataInputStream in) throws IOException {
        int n = in.readInt();
        LearnerState.Builder b = LearnerState.builder();
        LearnerState.Kind[] kinds = LearnerState.Kind.values();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            int k = in.readUnsignedByte();
            if (k >= kinds.length) {
                throw new IOException("unknown state kind " + k + " for entry " + name);
            }
            int len = in.readInt();
            switch (kinds[k]) {
                case FLOATS -> {
                    float[] a = new float[len];
                    for (int j = 0; j < len; j++) {
                        a[j] = in.readFloat();
                    }
                    b.put(name, a);
                }
                case DOUBLES -> {
                    double[] a = new double[len];
                    for (int j = 0; j < len; j++) {
                        a[j] = in.readDouble();
                    }
                    b.put(name, a);
                }
                case INTS -> {
                    int[] a = new int[len];
                    for (int j = 0; j < len; j++) {
                        a[j] = in.readInt();
                    }
                    b.put(name, a);
                }
                case LONGS -> {
                    long[] a = new long[len];
                    for (int j = 0; j < len; j++) {
                        a[j] = in.readLong();
                    }
                    b.put(name, a);
                }
                default -> throw new IOException("unknown state kind " + kinds[k]);
            }
        }
        return b.build();
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

    /** Whether this checkpoint was read from a version-1 file (float-packed state, no data identity). */
    public boolean isLegacyFormat() {
        return learnerState.isLegacy();
    }

    @Override
    public String toString() {
        return "Checkpoint[epochs=" + epochsDone + ", step=" + globalStep + ", params=" + parameters.size() + "]";
    }
}
