package org.plasticity.latent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.latent.baselines.GruClassifier;
import org.plasticity.latent.baselines.MlpClassifier;
import org.plasticity.latent.baselines.SequenceClassifier;
import org.plasticity.latent.baselines.TcnClassifier;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;

/** The BPTT baselines' hand-written gradients against central finite differences of the mean cross-entropy. */
class BaselineGradientTest {

    private static Batch batch(int rows, int steps, int channels, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[rows * steps * channels];
        int[] y = new int[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * rng.nextDouble() - 1);
        }
        for (int i = 0; i < rows; i++) {
            y[i] = rng.nextInt(3);
        }
        return new Batch(x, y, rows, steps * channels, null, 0, steps);
    }

    private static void check(SequenceClassifier m, Batch b) {
        check(m, b, 1e-2f);
    }

    private static void check(SequenceClassifier m, Batch b, float h) {
        m.parameters().forEach(Parameter::zeroGrad);
        m.computeGradients(b, new StepContext(0, 0, 0, 1, new SplittableRandom(1)));
        double num = 0;
        double den = 0;
        double dot = 0;
        double fdNorm = 0;
        for (Parameter p : m.parameters()) {
            float[] g = p.grad().clone();
            for (int i = 0; i < p.size(); i++) {
                float old = p.value()[i];
                p.value()[i] = old + h;
                double up = m.evaluate(b).meanLoss();
                p.value()[i] = old - h;
                double down = m.evaluate(b).meanLoss();
                p.value()[i] = old;
                double fd = (up - down) / (2 * h);
                num += (fd - g[i]) * (fd - g[i]);
                den += fd * fd;
                dot += fd * g[i];
                fdNorm += g[i] * g[i];
            }
        }
        double rel = Math.sqrt(num / den);
        double cos = dot / Math.sqrt(den * fdNorm);
        assertTrue(rel < 2e-2 && cos > 0.999, m.describe() + ": relative L2 " + rel + ", cosine " + cos);
    }

    @Test
    void gru() {
        check(new GruClassifier(7, 2, 4, 3, 1), batch(3, 7, 2, 2));
    }

    @Test
    void tcn() {
        check(new TcnClassifier(9, 2, 3, 3, 2, 3, 1), batch(3, 9, 2, 3), 1e-3f); // small h: ReLU kinks
    }

    @Test
    void mlp() {
        check(new MlpClassifier(6, 2, 5, 3, 1), batch(3, 6, 2, 4));
    }
}
