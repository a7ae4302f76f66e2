package org.plasticity.tensor;

/** Plain-loop implementation of {@link FloatKernels}: the portable fallback and the tests' reference. */
final class ScalarFloatKernels implements FloatKernels {

    static final ScalarFloatKernels INSTANCE = new ScalarFloatKernels();

    private ScalarFloatKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void gemmNT(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * lda;
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * ldb;
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p] * b[bj + p];
                }
                int ci = cOff + i * ldc + j;
                c[ci] = accumulate ? c[ci] + s : s;
            }
        }
    }

    @Override
    public void gemmAB(boolean transA, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            for (int p = 0; p < k; p++) {
                float av = alpha * (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
                if (av == 0f) {
                    continue;
                }
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    @Override
    public void denseBoth(int rows, int nOut, int nIn, float[] w, float[] x, int xOff, float[] y, int yOff,
            float[] fwd, int fwdOff, float[] bwd, int bwdOff) {
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * nIn;
            int br = bwdOff + r * nIn;
            for (int o = 0; o < nOut; o++) {
                int wo = o * nIn;
                float yo = y[yOff + r * nOut + o];
                float s = 0f;
                for (int i = 0; i < nIn; i++) {
                    s += w[wo + i] * x[xr + i];
                    bwd[br + i] += yo * w[wo + i];
                }
                fwd[fwdOff + r * nOut + o] += s;
            }
        }
    }

    @Override
    public void transpose(int rows, int cols, float[] src, float[] dst, int c0, int c1) {
        // 32×32 tiles: both sides stay in cache while a tile is moved
        for (int ib = 0; ib < rows; ib += 32) {
            int ie = Math.min(rows, ib + 32);
            for (int jb = c0; jb < c1; jb += 32) {
                int je = Math.min(c1, jb + 32);
                for (int i = ib; i < ie; i++) {
                    for (int j = jb; j < je; j++) {
                        dst[j * rows + i] = src[i * cols + j];
                    }
                }
            }
        }
    }

    @Override
    public void clampScaled(float[] src, int srcOff, float[] dst, int dstOff, int n, float scale, float lo, float hi) {
        for (int i = 0; i < n; i++) {
            float v = scale * src[srcOff + i];
            dst[dstOff + i] = Math.min(hi, Math.max(lo, v));
        }
    }

    @Override
    public void logistic(float[] src, int srcOff, float[] dst, int dstOff, int n, float gain, float shift) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = (float) (1.0 / (1.0 + Math.exp(-gain * (src[srcOff + i] - shift))));
        }
    }

    @Override
    public void tanh(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = (float) Math.tanh(src[srcOff + i]);
        }
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void add(int n, float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = a[aOff + i] + b[bOff + i];
        }
    }

    @Override
    public void addRowVector(int rows, int n, float[] v, int vOff, float[] x, int xOff) {
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * n;
            for (int i = 0; i < n; i++) {
                x[xr + i] += v[vOff + i];
            }
        }
    }

    @Override
    public float dot(int n, float[] a, int aOff, float[] b, int bOff) {
        float s = 0f;
        for (int i = 0; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    @Override
    public String toString() {
        return "FloatKernels[scalar]";
    }
}
