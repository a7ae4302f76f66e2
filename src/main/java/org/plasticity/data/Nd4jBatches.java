package org.plasticity.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Moves mini-batches into preallocated ND4J arrays with exactly one copy (Java heap → the array's
 * off-heap buffer), so a training loop allocates its ND4J arrays once:
 * <pre>{@code
 * INDArray x = Nd4jBatches.featureBuffer(50, train.featureCount());
 * INDArray y = Nd4jBatches.oneHotBuffer(50, train.classCount());
 * for (Batch b : train.batches(50, seed)) {
 *     INDArray xb = Nd4jBatches.features(b, x);   // a view of the first b.size() rows
 *     INDArray yb = Nd4jBatches.oneHot(b, y);
 * }
 * }</pre>
 */
public final class Nd4jBatches {

    private Nd4jBatches() {
    }

    /** A C-order float array {@code [batchSize, featureCount]} to reuse across batches. */
    public static INDArray featureBuffer(int batchSize, int featureCount) {
        return Nd4j.create(DataType.FLOAT, batchSize, featureCount).detach();
    }

    /** A C-order float array {@code [batchSize, classCount]} to reuse for one-hot targets. */
    public static INDArray oneHotBuffer(int batchSize, int classCount) {
        return Nd4j.create(DataType.FLOAT, batchSize, classCount).detach();
    }

    /**
     * Copies the batch's features into {@code buffer} (one copy).
     *
     * @param buffer a C-order float array with at least {@code b.size()} rows of {@code b.featureCount()} columns
     * @return {@code buffer} itself for a full batch, else a view of its first {@code b.size()} rows
     */
    public static INDArray features(Batch b, INDArray buffer) {
        check(buffer, b.size(), b.featureCount());
        buffer.data().asNioFloat().put(b.features(), 0, b.size() * b.featureCount());
        return rows(buffer, b.size());
    }

    /** Writes one-hot targets of the batch's labels into {@code buffer}; returns it or a row view. */
    public static INDArray oneHot(Batch b, INDArray buffer) {
        int k = (int) buffer.columns();
        check(buffer, b.size(), k);
        float[] y = new float[b.size() * k];
        for (int i = 0; i < b.size(); i++) {
            if (b.labels()[i] >= k) {
                throw new IllegalArgumentException("label " + b.labels()[i] + " does not fit " + k + " one-hot columns");
            }
            y[i * k + b.labels()[i]] = 1f;
        }
        buffer.data().asNioFloat().put(y, 0, y.length);
        return rows(buffer, b.size());
    }

    private static INDArray rows(INDArray buffer, int n) {
        return n == buffer.rows() ? buffer : buffer.get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
    }

    private static void check(INDArray buffer, int rows, int cols) {
        if (buffer.dataType() != DataType.FLOAT || buffer.rank() != 2 || buffer.ordering() != 'c' || buffer.isView()) {
            throw new IllegalArgumentException("need a fresh C-order float matrix (see featureBuffer), got " + buffer.shapeInfoToString());
        }
        if (buffer.rows() < rows || buffer.columns() != cols) {
            throw new IllegalArgumentException("buffer " + buffer.rows() + "×" + buffer.columns() + " cannot hold a batch of "
                    + rows + "×" + cols);
        }
    }
}
