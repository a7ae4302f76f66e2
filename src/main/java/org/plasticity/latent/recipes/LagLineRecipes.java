package org.plasticity.latent.recipes;

import java.util.List;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Recipe;
import org.plasticity.latent.Latent;
import org.plasticity.latent.learn.BpttLearner;
import org.plasticity.latent.learn.GleLearner;
import org.plasticity.latent.learn.SequenceLearner;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.latent.tasks.LagLine;
import org.plasticity.results.RunRecord;
import org.plasticity.train.Trainer;
import org.plasticity.train.optim.Adam;

/**
 * The teacher–student LagLine (spec §2.4; GLE paper, Fig. 5): GLE, instantaneous backprop and truncated BPTT with
 * windows of 4 / 2 / 1 time units learn w and τ_m of a two-neuron chain from the teacher's output. Adam at
 * 1e-6/β = 1e-4 per step (the authors'), × the window's steps for truncated BPTT (the authors' rescaling: one update
 * per window). The paper gives no table, only curves: GLE's claims are the teacher's values (its figure shows GLE
 * recovering them; our reading, margins 0.1 on τ_m and w); the other methods' rows are stand-ins (no paper figure).
 */
final class LagLineRecipes {

    /** Per-step Adam rate: 1e-6 / β. */
    static final double LR = 1e-6 / 0.01;

    private LagLineRecipes() {
    }

    static List<Recipe> recipes() {
        return List.of(
                recipe("lagline-gle", "GLE (prospective errors)", 0, true),
                recipe("lagline-instantaneous-bp", "instantaneous backprop (errors without the prospective filter)", 0,
                        false),
                recipe("lagline-tbptt-4", "truncated BPTT, window 4 time units", 4, false),
                recipe("lagline-tbptt-2", "truncated BPTT, window 2 time units", 2, false),
                recipe("lagline-tbptt-1", "truncated BPTT, window 1 time unit", 1, false));
    }

    private static Recipe recipe(String id, String what, double windowTime, boolean claims) {
        LagLine task = LagLine.paper();
        int window = (int) Math.round(windowTime / LagLine.DT);
        boolean bptt = windowTime > 0;
        boolean gle = id.equals("lagline-gle");
        Recipe.Builder b = Recipe.builder(id).paper(Latent.PAPER).dataset("lagline")
                .notes(what + "; teacher w=(1,2) τ_m=(1,2); " + task + "; learned values after the last epoch"
                        + (claims ? "; paper values = the teacher's (GLE paper Fig. 5, read as recovering them)" : ""))
                .data(task::splits).epochs(200).batchSize(task.perEpoch())
                .learner((cfg, seed) -> {
                    GleNetwork student = task.student(seed, task.network().withProspectiveErrors(gle));
                    return bptt ? new BpttLearner(student, window) : new GleLearner(student);
                })
                .trainer((cfg, l) -> Trainer.create().batchSize(cfg.integer("batch_size"))
                        .optimizer(Adam.of(LR * (bptt ? window : 1))))
                .afterTraining((l, data, r) -> learned((SequenceLearner) l, data, r));
        double nan = Double.NaN;
        b.claim(new Claim("tau_m_0", "tau_m_0", claims ? LagLine.TEACHER_TAU[0] : nan, nan, 0.1));
        b.claim(new Claim("tau_m_1", "tau_m_1", claims ? LagLine.TEACHER_TAU[1] : nan, nan, 0.1));
        b.claim(new Claim("w_0", "w_0", claims ? LagLine.TEACHER_W[0] : nan, nan, 0.1));
        b.claim(new Claim("w_1", "w_1", claims ? LagLine.TEACHER_W[1] : nan, nan, 0.1));
        b.claim(new Claim("test_mse", "test_mse", nan, nan, 0));
        return b.build();
    }

    private static RunRecord learned(SequenceLearner l, org.plasticity.data.Splits data, RunRecord r) {
        GleNetwork n = l.network();
        double mse = Trainer.create().evaluate(l, data.test()).meanLoss();
        return r.with("test_mse", mse).with("tau_m_0", n.effectiveTauM(0, 0)).with("tau_m_1", n.effectiveTauM(1, 0))
                .with("w_0", n.weights(0)[0]).with("w_1", n.weights(1)[0]);
    }
}
