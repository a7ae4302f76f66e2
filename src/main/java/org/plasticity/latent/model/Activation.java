package org.plasticity.latent.model;

/** The rate function φ of a layer and its derivative φ′, applied to the prospective potential ǔ = u + τ_r u̇. */
public enum Activation {
    /** φ(x) = x (input and output layers of the MNIST-1D nets, LagLine's linear variant). */
    LINEAR,
    /** φ(x) = tanh x (hidden layers of the MNIST-1D nets). */
    TANH,
    /** φ(x) = log(1 + eˣ), φ′ = logistic (the public LagLine's neurons). */
    SOFTPLUS;

    private static final org.plasticity.tensor.FloatKernels KERNELS = org.plasticity.tensor.FloatKernels.get();

    /** φ(x) (the array form {@link #apply(float[], float[], float[], int)} may round tanh differently). */
    public float apply(float x) {
        return switch (this) {
            case LINEAR -> x;
            case TANH -> (float) Math.tanh(x);
            case SOFTPLUS -> (float) (x > 20 ? x : Math.log1p(Math.exp(x)));
        };
    }

    /** φ′(x). */
    public float derivative(float x) {
        return switch (this) {
            case LINEAR -> 1f;
            case TANH -> {
                float t = (float) Math.tanh(x);
                yield 1 - t * t;
            }
            case SOFTPLUS -> (float) (1 / (1 + Math.exp(-x)));
        };
    }

    /** φ″(x) (for the exact adjoint's second-order terms; not needed by GLE). */
    public float secondDerivative(float x) {
        return switch (this) {
            case LINEAR -> 0f;
            case TANH -> {
                float t = (float) Math.tanh(x);
                yield -2 * t * (1 - t * t);
            }
            case SOFTPLUS -> {
                float s = (float) (1 / (1 + Math.exp(-x)));
                yield s * (1 - s);
            }
        };
    }

    /**
     * φ and φ′ over a row range: {@code r[i] = φ(x[i])}, {@code rp[i] = φ′(x[i])}.
     *
     * @param x prospective potentials
     * @param r rates (out)
     * @param rp derivatives (out)
     * @param n count
     */
    public void apply(float[] x, float[] r, float[] rp, int n) {
        switch (this) {
            case LINEAR -> {
                System.arraycopy(x, 0, r, 0, n);
                java.util.Arrays.fill(rp, 0, n, 1f);
            }
            case TANH -> {
                KERNELS.tanh(x, 0, r, 0, n);
                for (int i = 0; i < n; i++) {
                    rp[i] = 1 - r[i] * r[i];
                }
            }
            case SOFTPLUS -> {
                for (int i = 0; i < n; i++) {
                    r[i] = apply(x[i]);
                    rp[i] = derivative(x[i]);
                }
            }
        }
    }
}
