package org.plasticity.localca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.Splits;
import org.plasticity.localca.model.TreeConfig;
import org.plasticity.localca.rules.LocalRuleConfig;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingRun;

/** A resumed local-rule run (EMA modulators in the learner state) continues exactly. */
class LocalRuleLearner_ResumeTest {

    private static final Splits DATA = SyntheticTask.splits(30, 3, 300, 5);
    private static final TreeConfig TREE = TreeConfig.headline().withInputSize(30).withNeurons(4)
            .withExcitatorySynapses(8).withInhibitorySynapses(4).withClasses(3);

    private static TrainingRun fit(int epochs, Path dir) {
        LocalRuleLearner l = LocalCa.local(TREE, LocalRuleConfig.headline(), 9);
        Trainer t = Trainer.create().quiet().epochs(epochs).batchSize(32).seed(9).optimizer(l.optimizer());
        return (dir == null ? t : t.checkpointDir(dir)).fit(l, DATA);
    }

    @Test
    void resumedRunMatchesUninterruptedRun(@TempDir Path dir) {
        TrainingRun straight = fit(3, null);
        Path ck = dir.resolve("ck");
        fit(2, ck);
        // the checkpoint was written by a 2-epoch trainer: a 3-epoch trainer must refuse it ...
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> fit(3, ck));
        // ... so resume the way SeedSweep does: the same configuration, interrupted and restarted
        Path ck3 = dir.resolve("ck3");
        LocalRuleLearner first = LocalCa.local(TREE, LocalRuleConfig.headline(), 9);
        Trainer t3 = Trainer.create().quiet().epochs(3).batchSize(32).seed(9).optimizer(first.optimizer())
                .checkpointDir(ck3).listener(new org.plasticity.train.TrainingListener() {
                    @Override
                    public void onEpochEnd(org.plasticity.train.TrainingSession s, org.plasticity.train.EpochMetrics m) {
                        if (m.epoch() == 2) {
                            s.requestStop();
                        }
                    }
                });
        t3.fit(first, DATA);
        TrainingRun resumed = fit3(ck3);
        assertEquals(3, resumed.history().size());
        for (int e = 0; e < 3; e++) {
            assertEquals(straight.history().get(e).trainLoss(), resumed.history().get(e).trainLoss(), 0.0, "epoch " + e);
            assertEquals(straight.history().get(e).testAccuracy(), resumed.history().get(e).testAccuracy(), 0.0);
        }
    }

    private static TrainingRun fit3(Path dir) {
        LocalRuleLearner l = LocalCa.local(TREE, LocalRuleConfig.headline(), 9);
        return Trainer.create().quiet().epochs(3).batchSize(32).seed(9).optimizer(l.optimizer()).checkpointDir(dir)
                .fit(l, DATA);
    }
}
