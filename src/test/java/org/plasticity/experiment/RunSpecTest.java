package org.plasticity.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plasticity.results.Profile;

/** Run specs are plain data with an exact JSON round trip and clear errors. */
class RunSpecTest {

    private static final String ID = "mnist-784-500-10-symmetric";

    @Test
    void jsonRoundTripIsExact() {
        RunSpec s = new RunSpec(ID, Map.of("beta", 0.2, "epochs", 5, "estimator", "one-sided", "lr_scale", 1.0 / 3),
                7, Profile.FULL);
        String json = s.toJson();
        RunSpec back = RunSpec.fromJson(json);
        assertEquals(s, back);
        assertEquals(json, back.toJson());
        assertEquals(5L, back.overrides().get("epochs"), "canonical type: whole numbers are Long");
        assertEquals(1.0 / 3, (Double) back.overrides().get("lr_scale"), 0.0, "doubles round-trip bit for bit");
        assertEquals(s.runId(), back.runId());
        assertNotEquals(ID, s.runId(), "overrides get their own run folder");
        assertEquals(ID, new RunSpec(ID, Map.of(), 1, Profile.SMOKE).runId());
    }

    @Test
    void stringsFromTheCommandLineAreParsedByTheKnob() {
        RunSpec a = new RunSpec(ID, Map.of("beta", "0.2", "epochs", "5"), 1, Profile.SMOKE);
        RunSpec b = new RunSpec(ID, Map.of("beta", 0.2, "epochs", 5L), 1, Profile.SMOKE);
        assertEquals(a, b);
    }

    @Test
    void unknownKnobsBadValuesAndUnknownFieldsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RunSpec(ID, Map.of("gamma", 1), 1, Profile.SMOKE));
        assertTrue(e.getMessage().contains("no knob 'gamma'") && e.getMessage().contains("beta"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RunSpec(ID, Map.of("epochs", 2.5), 1, Profile.SMOKE));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RunSpec(ID, Map.of("epochs", 0), 1, Profile.SMOKE));
        assertTrue(e.getMessage().contains("[1, 100000]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RunSpec(ID, Map.of("estimator", "x"), 1, Profile.SMOKE));
        assertTrue(e.getMessage().contains("one-sided"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RunSpec("no-such-recipe", Map.of(), 1, Profile.SMOKE));
        assertTrue(e.getMessage().contains("no recipe"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunSpec.fromJson("{\"recipe\":\"" + ID + "\",\"seed\":1,\"x\":2}"));
        assertThrows(IllegalArgumentException.class, () -> RunSpec.fromJson("{\"recipe\":\"" + ID + "\",\"seed\":1.5}"));
        assertThrows(IllegalArgumentException.class, () -> RunSpec.fromJson("[1]"));
        assertThrows(IllegalArgumentException.class, () -> new RunSpec("mnist-sandbox-path-minus-no-path", Map.of(), 1,
                Profile.SMOKE), "derived claims are not run specs");
    }

    @Test
    void aSpecIsOneSeedOfItsExperiment() {
        RunSpec s = new RunSpec(ID, Map.of("t1", 12), 3, Profile.SMOKE);
        Experiment e = s.experiment();
        assertEquals(Profile.SMOKE, e.profile());
        assertEquals(s.runId(), e.runId());
        assertEquals(1, e.seedsToRun().length);
        assertEquals(3, e.seedsToRun()[0]);
        assertEquals(12, e.config().integer("t1"));
        assertEquals(s, e.spec(3));
    }
}
