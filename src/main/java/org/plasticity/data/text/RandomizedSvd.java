package org.plasticity.data.text;

import java.util.SplittableRandom;

/**
 * Top-{@code k} left singular vectors and values of a dense {@code n × n} matrix by the randomized
 * range finder with power iterations (Halko, Martinsson &amp; Tropp 2011, Algorithms 4.4 and 5.1):
 * {@code Y = (A Aᵀ)^q A Ω}, {@code Q = orth(Y)}, {@code B = Qᵀ A}, eigen-decomposition of the
 * small {@code B Bᵀ} (cyclic Jacobi) gives {@code U = Q U_B} and {@code σ}.
 */
final class RandomizedSvd {

    /** Left singular vectors as rows {@code u[j][i]} (component i of vector j) and values, descending. */
    record Result(double[][] u, double[] sigma) {
    }

    private RandomizedSvd() {
    }

    static Result topK(float[][] a, int k, int oversample, int powerIterations, SplittableRandom rng) {
        int n = a.length;
        int l = Math.min(n, k + oversample);
        float[][] omega = new float[n][l];
        for (float[] row : omega) {
            for (int j = 0; j < l; j++) {
                row[j] = (float) gaussian(rng);
            }
        }
        float[][] q = orthonormalize(times(a, omega));
        for (int it = 0; it < powerIterations; it++) {
            q = orthonormalize(times(a, orthonormalize(transposeTimes(a, q))));
        }
        float[][] bt = transposeTimes(a, q);
        double[][] c = new double[l][l];
        for (float[] row : bt) {
            for (int i = 0; i < l; i++) {
                double ri = row[i];
                if (ri != 0) {
                    for (int j = i; j < l; j++) {
                        c[i][j] += ri * row[j];
                    }
                }
            }
        }
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < i; j++) {
                c[i][j] = c[j][i];
            }
        }
        double[][] v = new double[l][l];
        double[] eig = jacobi(c, v);
        Integer[] order = new Integer[l];
        for (int i = 0; i < l; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(eig[y], eig[x]));
        int kk = Math.min(k, l);
        double[][] u = new double[kk][n];
        double[] sigma = new double[kk];
        for (int j = 0; j < kk; j++) {
            int e = order[j];
            sigma[j] = Math.sqrt(Math.max(0, eig[e]));
            for (int i = 0; i < n; i++) {
                double sum = 0;
                float[] qi = q[i];
                for (int r = 0; r < l; r++) {
                    sum += qi[r] * v[r][e];
                }
                u[j][i] = sum;
            }
        }
        return new Result(u, sigma);
    }

    /** {@code A X} for a tall {@code X} ({@code n × l}, row-major): row-wise axpy, skips zeros of A. */
    private static float[][] times(float[][] a, float[][] x) {
        int n = a.length;
        int l = x[0].length;
        float[][] y = new float[n][l];
        for (int i = 0; i < n; i++) {
            float[] ai = a[i];
            float[] yi = y[i];
            for (int t = 0; t < n; t++) {
                float w = ai[t];
                if (w != 0f) {
                    float[] xt = x[t];
                    for (int j = 0; j < l; j++) {
                        yi[j] += w * xt[j];
                    }
                }
            }
        }
        return y;
    }

    /** {@code Aᵀ X} for a tall {@code X}. */
    private static float[][] transposeTimes(float[][] a, float[][] x) {
        int n = a.length;
        int l = x[0].length;
        float[][] z = new float[n][l];
        for (int i = 0; i < n; i++) {
            float[] ai = a[i];
            float[] xi = x[i];
            for (int t = 0; t < n; t++) {
                float w = ai[t];
                if (w != 0f) {
                    float[] zt = z[t];
                    for (int j = 0; j < l; j++) {
                        zt[j] += w * xi[j];
                    }
                }
            }
        }
        return z;
    }

    /** Orthonormal columns of a tall matrix (twice-iterated modified Gram–Schmidt in double). */
    private static float[][] orthonormalize(float[][] tall) {
        int n = tall.length;
        int l = tall[0].length;
        double[][] cols = new double[l][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < l; j++) {
                cols[j][i] = tall[i][j];
            }
        }
        for (int j = 0; j < l; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double d = dot(cols[j], cols[p]);
                    axpy(-d, cols[p], cols[j]);
                }
            }
            double norm = Math.sqrt(dot(cols[j], cols[j]));
            if (norm < 1e-12) {
                java.util.Arrays.fill(cols[j], 0);
            } else {
                for (int i = 0; i < n; i++) {
                    cols[j][i] /= norm;
                }
            }
        }
        float[][] out = new float[n][l];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < l; j++) {
                out[i][j] = (float) cols[j][i];
            }
        }
        return out;
    }

    /** Eigenvalues of symmetric {@code c} (destroyed); eigenvectors into the columns of {@code v}. */
    static double[] jacobi(double[][] c, double[][] v) {
        int n = c.length;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(v[i], 0);
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += c[p][q] * c[p][q];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(c[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (c[q][q] - c[p][p]) / (2 * c[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double cs = 1 / Math.sqrt(t * t + 1);
                    double sn = t * cs;
                    for (int k = 0; k < n; k++) {
                        double ckp = c[k][p];
                        double ckq = c[k][q];
                        c[k][p] = cs * ckp - sn * ckq;
                        c[k][q] = sn * ckp + cs * ckq;
                    }
                    for (int k = 0; k < n; k++) {
                        double cpk = c[p][k];
                        double cqk = c[q][k];
                        c[p][k] = cs * cpk - sn * cqk;
                        c[q][k] = sn * cpk + cs * cqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = cs * vkp - sn * vkq;
                        v[k][q] = sn * vkp + cs * vkq;
                    }
                }
            }
        }
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = c[i][i];
        }
        return e;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double w, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += w * x[i];
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
