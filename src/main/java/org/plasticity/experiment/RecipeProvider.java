package org.plasticity.experiment;

import java.util.List;

/**
 * The service a model family implements to put its recipes into the {@link Catalog}. Register the
 * implementation with one line in {@code META-INF/services/org.plasticity.experiment.RecipeProvider};
 * nothing shared is edited, and the experiment package never imports a family package.
 */
public interface RecipeProvider {

    /** The family's paper id(s) as a short label for listings, e.g. {@code ep-standard}. */
    String family();

    /** Every recipe of the family, in the order its notebook presents them. Ids must be unique catalogue-wide. */
    List<Recipe> recipes();
}
