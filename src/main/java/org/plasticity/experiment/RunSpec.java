package org.plasticity.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.plasticity.io.Json;
import org.plasticity.results.Profile;
import org.plasticity.results.RunRecord;

/**
 * One run as plain data: recipe id, knob overrides, seed and profile. It is what sweeps send to
 * other threads, processes ({@code plasticity run --spec SPEC.json}) and machines; {@link #toJson()}
 * and {@link #fromJson(String)} round-trip it exactly. The constructor validates against the
 * {@link Catalog}: an unknown recipe, an unknown knob or a bad value throws a message naming it,
 * and override values are stored in the knob's canonical type ({@code Long}, {@code Double},
 * {@code Boolean}, {@code String}).
 *
 * <pre>{@code
 * {"recipe":"mnist-784-500-10-symmetric","overrides":{"beta":0.2,"epochs":5},"seed":1,"profile":"full"}
 * }</pre>
 *
 * @param recipe catalogue id
 * @param overrides knob name to value (sorted by name)
 * @param seed the seed
 * @param profile smoke or full
 */
public record RunSpec(String recipe, Map<String, Object> overrides, long seed, Profile profile) {

    /** Validates against the catalogue and canonicalises the overrides. */
    public RunSpec {
        if (profile == null) {
            throw new IllegalArgumentException("a run spec needs a profile");
        }
        Recipe r = Catalog.get(recipe);
        if (!r.isTrained()) {
            throw new IllegalArgumentException("recipe '" + recipe + "' is " + (r.isDerived() ? "derived from other"
                    + " recipes" : "not obtainable here") + "; a run spec names a trained recipe");
        }
        overrides = Collections.unmodifiableMap(new TreeMap<>(r.configure(overrides == null ? Map.of() : overrides)
                .overrides()));
    }

    /** The spec as one line of JSON. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recipe", recipe);
        m.put("overrides", overrides);
        m.put("seed", seed);
        m.put("profile", profile.id());
        return Json.write(m);
    }

    /**
     * Reads a spec written by {@link #toJson()} (or by hand: {@code overrides} and {@code profile} are
     * optional; the profile defaults to {@link Profile#current()}).
     *
     * @param json the document
     * @return the spec
     * @throws IllegalArgumentException on malformed JSON, missing or unknown fields, or bad values
     */
    @SuppressWarnings("unchecked")
    public static RunSpec fromJson(String json) {
        Object v = Json.parse(json);
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("a run spec is a JSON object, got " + json);
        }
        for (Object k : m.keySet()) {
            if (!java.util.List.of("recipe", "overrides", "seed", "profile").contains(k)) {
                throw new IllegalArgumentException("unknown run-spec field '" + k + "'; fields: recipe, overrides, seed,"
                        + " profile");
            }
        }
        if (!(m.get("recipe") instanceof String id)) {
            throw new IllegalArgumentException("run spec needs \"recipe\": \"<catalogue id>\"");
        }
        if (!(m.get("seed") instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("run spec needs a whole-number \"seed\"");
        }
        Object o = m.get("overrides");
        if (o != null && !(o instanceof Map)) {
            throw new IllegalArgumentException("\"overrides\" must be an object of knob: value");
        }
        Profile p = m.get("profile") == null ? Profile.current() : Profile.parse(String.valueOf(m.get("profile")));
        return new RunSpec(id, o == null ? Map.of() : (Map<String, Object>) o, (long) n.doubleValue(), p);
    }

    /** The experiment this spec is one seed of. */
    public Experiment experiment() {
        return Catalog.get(recipe).experiment().with(overrides).profile(profile).seedList(seed);
    }

    /** The experiment id of its stored run (recipe id, plus an overrides suffix). */
    public String runId() {
        return Experiment.runId(recipe, overrides);
    }

    /**
     * Runs this one seed (or reads its stored record back) and returns its record.
     *
     * @return the record
     */
    public RunRecord run() {
        return run(experiment());
    }

    /** Runs with extra choices (listeners, quiet, recording) applied to {@link #experiment()}. */
    public RunRecord run(Experiment e) {
        return e.run().sweep().records().get(0);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
