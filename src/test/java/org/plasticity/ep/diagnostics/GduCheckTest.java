package org.plasticity.ep.diagnostics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.model.Nudge;
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
    void negativeBetaAgreesWhenTheSignIsCarriedThrough() {
        // Theorem 1 holds for either sign of β when the update divides by the signed β
        GduResult r = GduCheck.run(net(3), batch(), T1, K, -0.01, false);
        assertTrue(r.worstRmse() < 0.05, r.toText());
    }

    @Test
    void everyEstimatorsPlanAgreesWithBptt() {
        // the plans training uses, both signs of the random-sign estimator included
        for (Estimator e : Estimator.values()) {
            for (long seed = 1; seed <= (e == Estimator.RANDOM_SIGN ? 4 : 1); seed++) {
                List<Nudge> plan = e.plan(0.01, new SplittableRandom(seed));
                GduResult r = GduCheck.run(net(3), batch(), T1, K, 0.01, e, new SplittableRandom(seed));
                assertTrue(r.worstRmse() < 0.05, e + " " + plan + "\n" + r.toText());
            }
        }
    }

    @Test
    void aPlanWithAFlippedBetaSignIsReportedAsDisagreeing() {
        // the sign bug: relax with −β but combine the phases as if it were +β; every EP update then has
        // the opposite sign of BPTT's gradient, so the normalised RMSE is near 2 for every key
        double b = 0.01;
        GduResult flipped = GduCheck.run(net(3), batch(), T1, K, List.of(new Nudge(-b, -1 / b), new Nudge(0, 1 / b)));
        assertTrue(flipped.worstRmse() > 1.5, flipped.toText());
        for (String key : flipped.keys()) {
            assertTrue(flipped.rmse(key) > 1.5, key + "\n" + flipped.toText());
        }
        // and the symmetric plan with its two phases swapped
        GduResult swapped = GduCheck.run(net(3), batch(), T1, K,
                List.of(new Nudge(-b, -1 / (2 * b)), new Nudge(b, 1 / (2 * b))));
        assertTrue(swapped.worstRmse() > 1.5, swapped.toText());
    }

    @Test
    void unconvergedFreePhaseBreaksTheAgreement() {
        // Theorem 1 needs s_{T1-K} = s*: with only K+2 free steps from rest the updates no longer match.
        GduResult r = GduCheck.run(net(3), batch(), K + 2, K, 0.01, true);
        assertTrue(r.worstRmse() > 0.1, r.toText());
    }
}
