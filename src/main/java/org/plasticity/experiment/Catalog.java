package org.plasticity.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every recipe of every model family, keyed by id. Families register through the
 * {@link RecipeProvider} service ({@code META-INF/services/org.plasticity.experiment.RecipeProvider}),
 * loaded once per process.
 *
 * <pre>{@code
 * Catalog.ids();                                          // every id
 * Catalog.get("mnist-5f-per-soma").run(5);               // train or read back 5 seeds
 * Catalog.table();                                        // id, paper, data set, claim, seeds
 * }</pre>
 */
public final class Catalog {

    private static volatile Map<String, Recipe> recipes;

    private Catalog() {
    }

    private static Map<String, Recipe> recipes() {
        Map<String, Recipe> m = recipes;
        if (m == null) {
            synchronized (Catalog.class) {
                if (recipes == null) {
                    recipes = load();
                }
                m = recipes;
            }
        }
        return m;
    }

    private static Map<String, Recipe> load() {
        Map<String, Recipe> m = new LinkedHashMap<>();
        Map<String, String> owner = new LinkedHashMap<>();
        for (RecipeProvider p : ServiceLoader.load(RecipeProvider.class, Catalog.class.getClassLoader())) {
            for (Recipe r : p.recipes()) {
                String before = owner.putIfAbsent(r.id(), p.family());
                if (before != null) {
                    throw new IllegalStateException("recipe id '" + r.id() + "' is registered twice (" + before + ", "
                            + p.family() + ")");
                }
                m.put(r.id(), r);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The recipe with this id.
     *
     * @throws IllegalArgumentException naming close ids when there is none
     */
    public static Recipe get(String id) {
        Recipe r = recipes().get(id);
        if (r == null) {
            List<String> near = ids().stream().filter(k -> k.contains(id) || id.contains(k)).limit(8).toList();
            throw new IllegalArgumentException("no recipe '" + id + "' in the catalogue" + (near.isEmpty()
                    ? "; `plasticity list` shows all " + recipes().size() : "; did you mean " + near + "?"));
        }
        return r;
    }

    /** Whether the id is catalogued. */
    public static boolean contains(String id) {
        return recipes().containsKey(id);
    }

    /** Every recipe, family by family in provider order. */
    public static List<Recipe> all() {
        return List.copyOf(recipes().values());
    }

    /** Every id. */
    public static List<String> ids() {
        return List.copyOf(recipes().keySet());
    }

    /** The recipes of one paper id. */
    public static List<Recipe> ofPaper(String paper) {
        List<Recipe> out = new ArrayList<>();
        for (Recipe r : recipes().values()) {
            if (r.paper().equals(paper)) {
                out.add(r);
            }
        }
        return out;
    }

    /** One row per recipe: id, paper, data set, kind, headline claim, seeds. */
    public static Table table() {
        return table(all());
    }

    /** The table of the given recipes. */
    public static Table table(List<Recipe> rs) {
        Table t = Table.create("catalogue");
        StringColumn id = StringColumn.create("id");
        StringColumn paper = StringColumn.create("paper");
        StringColumn ds = StringColumn.create("dataset");
        StringColumn kind = StringColumn.create("kind");
        StringColumn claim = StringColumn.create("paper claim");
        IntColumn seeds = IntColumn.create("seeds");
        for (Recipe r : rs) {
            id.append(r.id());
            paper.append(r.paper());
            ds.append(r.dataset());
            kind.append(r.isDerived() ? "derived" : r.isObtainable() ? "trained" : "not obtainable here");
            claim.append(r.claims().isEmpty() ? "–" : r.claims().get(0).toString());
            seeds.append(r.isTrained() ? r.defaultSeedCount() : 0);
        }
        t.addColumns(id, paper, ds, kind, claim, seeds);
        return t;
    }
}
