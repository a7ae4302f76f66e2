package org.plasticity.experiment;

import java.util.List;
import java.util.Locale;

/**
 * One named, typed setting a recipe lets a run spec override (epochs, batch size, β, a learning-rate
 * scale, ...), with its default, its valid range or choices and a one-line description.
 * {@link #parse} turns a raw value (from JSON, the command line or Java) into the canonical type
 * ({@code Long}, {@code Double}, {@code Boolean} or {@code String}) or throws a message that names the
 * knob, the bad value and what is allowed.
 *
 * @param name knob name, lower-case with underscores, e.g. {@code batch_size}
 * @param type value type
 * @param defaultValue the recipe's value (canonical type)
 * @param min smallest allowed number (numbers only)
 * @param max largest allowed number (numbers only)
 * @param choices allowed strings (choice knobs only; empty otherwise)
 * @param description one line
 */
public record Knob(String name, Type type, Object defaultValue, double min, double max, List<String> choices,
        String description) {

    /** Value types of knobs. */
    public enum Type {
        /** Whole numbers, stored as {@code Long}. */
        INTEGER,
        /** Real numbers, stored as {@code Double}. */
        REAL,
        /** true / false. */
        BOOLEAN,
        /** One of a fixed list of strings. */
        CHOICE
    }

    /** Validates the name and the default. */
    public Knob {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("knob name must be lower-case [a-z][a-z0-9_]*, got '" + name + "'");
        }
        choices = List.copyOf(choices);
        description = description == null ? "" : description;
        if (type == null) {
            throw new IllegalArgumentException("knob '" + name + "' needs a type");
        }
        defaultValue = check(name, type, min, max, choices, defaultValue);
    }

    /** A whole-number knob in {@code [min, max]}. */
    public static Knob integer(String name, long defaultValue, long min, long max, String description) {
        return new Knob(name, Type.INTEGER, defaultValue, min, max, List.of(), description);
    }

    /** A real-number knob in {@code [min, max]}. */
    public static Knob real(String name, double defaultValue, double min, double max, String description) {
        return new Knob(name, Type.REAL, defaultValue, min, max, List.of(), description);
    }

    /** A true/false knob. */
    public static Knob bool(String name, boolean defaultValue, String description) {
        return new Knob(name, Type.BOOLEAN, defaultValue, 0, 1, List.of(), description);
    }

    /** A knob taking one of {@code choices}. */
    public static Knob choice(String name, String defaultValue, List<String> choices, String description) {
        return new Knob(name, Type.CHOICE, defaultValue, 0, 0, choices, description);
    }

    /** A copy with another default (a recipe's own value for a shared knob such as {@code epochs}). */
    public Knob withDefault(Object value) {
        return new Knob(name, type, value, min, max, choices, description);
    }

    /**
     * Validates a raw value and converts it to this knob's canonical type.
     *
     * @param raw a number, boolean or string (strings are parsed for numeric and boolean knobs)
     * @return the canonical value
     * @throws IllegalArgumentException naming the knob, the value and what is allowed
     */
    public Object parse(Object raw) {
        return check(name, type, min, max, choices, raw);
    }

    private static Object check(String name, Type type, double min, double max, List<String> choices, Object raw) {
        if (raw == null) {
            throw bad(name, raw, "a value is required");
        }
        switch (type) {
            case INTEGER -> {
                double d = number(name, raw);
                if (d != Math.rint(d) || Math.abs(d) > 1L << 53) {
                    throw bad(name, raw, "a whole number is required");
                }
                inRange(name, min, max, raw, d);
                return (long) d;
            }
            case REAL -> {
                double d = number(name, raw);
                if (!Double.isFinite(d)) {
                    throw bad(name, raw, "a finite number is required");
                }
                inRange(name, min, max, raw, d);
                return d;
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                String s = raw.toString().trim().toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("false")) {
                    return Boolean.valueOf(s);
                }
                throw bad(name, raw, "true or false is required");
            }
            default -> {
                String s = raw.toString().trim();
                if (!choices.contains(s)) {
                    throw bad(name, raw, "one of " + choices + " is required");
                }
                return s;
            }
        }
    }

    private static double number(String name, Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw bad(name, raw, "a number is required");
        }
    }

    private static void inRange(String name, double min, double max, Object raw, double d) {
        if (d < min || d > max) {
            throw bad(name, raw, "the range is [" + fmt(min) + ", " + fmt(max) + "]");
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static IllegalArgumentException bad(String name, Object raw, String why) {
        return new IllegalArgumentException("bad value '" + raw + "' for knob '" + name + "': " + why);
    }

    /** One line: name, type, default, range. */
    @Override
    public String toString() {
        String range = switch (type) {
            case INTEGER, REAL -> " in [" + fmt(min) + ", " + fmt(max) + "]";
            case CHOICE -> " of " + choices;
            case BOOLEAN -> "";
        };
        return name + " = " + defaultValue + " (" + type.name().toLowerCase(Locale.ROOT) + range + ")"
                + (description.isEmpty() ? "" : ": " + description);
    }
}
