package org.plasticity.experiment.sweep;

import java.io.Serializable;
import java.util.function.Function;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Recipe;

/** Finds a recipe by id on whichever machine runs a point; serializable so it can travel with a task. */
@FunctionalInterface
public interface RecipeLookup extends Function<String, Recipe>, Serializable {

    /** The catalogue ({@link Catalog#get(String)}). */
    static RecipeLookup catalog() {
        return Catalog::get;
    }
}
