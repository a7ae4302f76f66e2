package org.plasticity.ep.diagnostics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.EqProp;
import org.plasticity.ep.model.Activation;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.testing.TestData;

/**
 * Ernoult et al. (2019) Theorem 1 on a small random network: EP's step-by-step updates match BPTT's
 * gradients when the free phase has converged; a wrong β sign or a mismatched network breaks it.
 */
class GduCheckTest {

    private static final int T1 = 120;
    private static final int K = 10;

    private static LayeredNetwork net(long seed) {
        return EqProp.network(8, 12, 10, 4).activation(Activation.TANH).init(WeightInit.PYTORCH_DEFAULT, 1.0)
                .network(seed);
    }

    private static Batch batch() {
        return TestData.uniformBatch(5, 8, 4, 21);
    }

    @Test
    void epUpdatesMatchBpttGradientsStepByStep() {
        GduResult r = GduCheck.run(net(3), batch(), T1, K, 0.01, true);
        for (String key : r.keys()) {
            assertTrue(r.rmse(key) < 0.05, key + ": RMSE " + r.rmse(key) + "\n" + r.toText());
            assertTrue(r.signError(key) < 0.05, key + ": sign error " + r.signError(key) + "\n" + r.toText());
        }
    }

    @Test
    void oneSidedAgreesLessWellThanSymmetricAtLargeBeta() {
        GduResult one = GduCheck.run(net(3), batch(), T1, K, 0.2, false);
        GduResult sym = GduCheck.run(net(3), batch(), T1, K, 0.2, true);
        assertTrue(sym.worstRmse() < one.worstRmse(), "symmetric " + sym.worstRmse() + " vs one-sided " + one.worstRmse());
    }

    @Test
    void wrongBetaSignIsDetected() {
        // EP run with −β but read as if β were positive: every update flips sign.
        GduResult r = GduCheck.run(net(3), batch(), T1, K, 0.01, false);
        GduResult flipped = GduCheck.run(net(3), batch(), T1, K, -0.01, false);
        assertTrue(r.worstRmse() < 0.05, r.toText());
        // GduCheck divides by the signed β, so the updates agree in sign; negate them to emulate the bug.
        double worst = 0;
        for (String key : flipped.keys()) {
            double diff = 0;
            double norm = 0;
            for (int t = 0; t < flipped.steps(); t++) {
                for (int i = 0; i < flipped.elements(key); i++) {
                    double d = -flipped.ep(key, t, i) - flipped.bptt(key, t, i);
                    diff += d * d;
                    norm += flipped.bptt(key, t, i) * (double) flipped.bptt(key, t, i);
                }
            }
            worst = Math.max(worst, Math.sqrt(diff / Math.max(1e-30, norm)));
        }
        assertTrue(worst > 1.5, "a flipped β sign should give a relative error near 2, got " + worst);
    }

    @Test
    void unconvergedFreePhaseBreaksTheAgreement() {
        // Theorem 1 needs s_{T1-K} = s*: with only K+2 free steps from rest the updates no longer match.
        GduResult r = GduCheck.run(net(3), batch(), K + 2, K, 0.01, true);
        assertTrue(r.worstRmse() > 0.1, r.toText());
    }
}
