package org.plasticity.latent.recipes;

import java.util.ArrayList;
import java.util.List;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Recipe;
import org.plasticity.experiment.RecipeProvider;
import org.plasticity.experiment.Rules;
import org.plasticity.latent.Latent;

/**
 * The latent family's catalogue (notebook 06): {@link LagLineRecipes}, {@link Mnist1dRecipes} and Google Speech
 * Commands, whose data cannot be obtained here (its code path runs on {@link org.plasticity.latent.tasks.SyntheticMel}
 * in the tests).
 */
public final class LatentRecipes implements RecipeProvider {

    /** The Speech Commands recipe id. */
    public static final String SPEECH_COMMANDS = "speech-commands-gle";

    @Override
    public String family() {
        return Latent.PAPER;
    }

    @Override
    public List<Recipe> recipes() {
        List<Recipe> out = new ArrayList<>(LagLineRecipes.recipes());
        out.addAll(Mnist1dRecipes.recipes());
        out.add(Recipe.builder(SPEECH_COMMANDS).paper(Latent.PAPER).dataset("speech-commands")
                .notes("12-class GSC, 32 mel bands, 3 × 750 GLE units (5 groups of 150), 420 epochs, validation accuracy"
                        + " at epoch 420 (per-seed 91.0–91.8 %); about 240 GPU-hours per run")
                .claim(new Claim("validation_accuracy", Rules.REPORTED, 0.914, Double.NaN, 0.01))
                .notObtainable("Google Speech Commands is not in the data cache and no registry reachable here carries it;"
                        + " one run costs about 240 GPU-hours").build());
        return out;
    }

}
