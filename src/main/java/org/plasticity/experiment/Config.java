package org.plasticity.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The resolved settings of one run: every knob of the recipe with its default or the run spec's
 * override, validated. Immutable; recipes read it when they build the learner and the trainer.
 *
 * @param knobs the recipe's knobs, in declaration order
 * @param values knob name to canonical value, for every knob
 * @param overrides the names and canonical values the run spec set (sorted by name)
 */
public record Config(List<Knob> knobs, Map<String, Object> values, Map<String, Object> overrides) {

    /** Copies the maps. */
    public Config {
        knobs = List.copyOf(knobs);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        overrides = Collections.unmodifiableMap(new TreeMap<>(overrides));
    }

    /**
     * Resolves overrides against knobs.
     *
     * @param recipe recipe id, named in errors
     * @param knobs the declared knobs
     * @param overrides knob name to raw value
     * @return the configuration
     * @throws IllegalArgumentException for an unknown knob (listing the known ones) or a bad value
     */
    public static Config resolve(String recipe, List<Knob> knobs, Map<String, ?> overrides) {
        Map<String, Knob> byName = new LinkedHashMap<>();
        knobs.forEach(k -> byName.put(k.name(), k));
        Map<String, Object> set = new TreeMap<>();
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            Knob k = byName.get(e.getKey());
            if (k == null) {
                throw new IllegalArgumentException("recipe '" + recipe + "' has no knob '" + e.getKey() + "'; its knobs: "
                        + byName.keySet());
            }
            try {
                set.put(k.name(), k.parse(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("recipe '" + recipe + "': " + ex.getMessage(), ex);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Knob k : knobs) {
            values.put(k.name(), set.getOrDefault(k.name(), k.defaultValue()));
        }
        return new Config(knobs, values, set);
    }

    private Object get(String name, Knob.Type type) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no knob '" + name + "'; knobs: " + values.keySet());
        }
        Knob.Type t = knobs.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow().type();
        if (t != type) {
            throw new IllegalArgumentException("knob '" + name + "' is " + t + ", not " + type);
        }
        return v;
    }

    /** A whole-number knob as an int. */
    public int integer(String name) {
        return Math.toIntExact((Long) get(name, Knob.Type.INTEGER));
    }

    /** A real-number knob. */
    public double real(String name) {
        return (Double) get(name, Knob.Type.REAL);
    }

    /** A boolean knob. */
    public boolean bool(String name) {
        return (Boolean) get(name, Knob.Type.BOOLEAN);
    }

    /** A choice knob. */
    public String choice(String name) {
        return (String) get(name, Knob.Type.CHOICE);
    }

    /** Whether the run spec set this knob. */
    public boolean isOverridden(String name) {
        return overrides.containsKey(name);
    }

    /** {@code name=value} of every override, comma-separated (empty without overrides). */
    public String describeOverrides() {
        StringBuilder sb = new StringBuilder();
        overrides.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Config" + values;
    }
}
