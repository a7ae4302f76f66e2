package org.plasticity.ep.spiking.memory;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The bytes of everything an object references, counted by walking its object graph: arrays exactly (16-byte header
 * plus elements, 8-byte aligned, as HotSpot lays them out with compressed references), objects of the project's own
 * classes by their instance fields (12-byte header, 4 bytes per reference), the elements of JDK collections and maps
 * through their public API (the containers themselves at 16 bytes per element slot, an estimate), and nothing reached
 * through other JDK objects, class objects or static fields. Deterministic: the same graph gives the same count, which
 * the heap after garbage collection ({@link Footprint#retainedBytes}) does not (G1 counts whole regions for large
 * arrays). What a learner's training step keeps is dominated by its float arrays, which this counts exactly.
 */
public final class ReachableSize {

    private ReachableSize() {
    }

    /**
     * Bytes reachable from {@code root}.
     *
     * @param root the object (e.g. a learner)
     * @return the bytes counted
     */
    public static long of(Object root) {
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        long total = 0;
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (seen.put(o, Boolean.TRUE) != null) {
                continue;
            }
            Class<?> c = o.getClass();
            if (c.isArray()) {
                int n = Array.getLength(o);
                Class<?> e = c.getComponentType();
                total += align(16 + (long) n * slot(e));
                if (!e.isPrimitive()) {
                    for (int i = 0; i < n; i++) {
                        Object x = Array.get(o, i);
                        if (x != null) {
                            todo.push(x);
                        }
                    }
                }
            } else if (o instanceof Collection<?> col) {
                total += align(16 + 16L * col.size());
                col.forEach(x -> {
                    if (x != null) {
                        todo.push(x);
                    }
                });
            } else if (o instanceof Map<?, ?> map) {
                total += align(16 + 32L * map.size());
                map.forEach((k, v) -> {
                    if (k != null) {
                        todo.push(k);
                    }
                    if (v != null) {
                        todo.push(v);
                    }
                });
            } else if (ours(c)) {
                total += align(12 + fieldBytes(c));
                for (Class<?> k = c; k != null && ours(k); k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                            continue;
                        }
                        try {
                            f.setAccessible(true);
                            Object v = f.get(o);
                            if (v != null) {
                                todo.push(v);
                            }
                        } catch (RuntimeException | IllegalAccessException ex) {
                            // an inaccessible field (a hidden class's capture): counted in the shallow size only
                        }
                    }
                }
            } else {
                total += 16;
            }
        }
        return total;
    }

    private static boolean ours(Class<?> c) {
        return c.getName().startsWith("org.plasticity.");
    }

    private static long fieldBytes(Class<?> c) {
        long b = 0;
        for (Class<?> k = c; k != null && ours(k); k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    b += slot(f.getType());
                }
            }
        }
        return b;
    }

    private static long slot(Class<?> t) {
        if (t == long.class || t == double.class) {
            return 8;
        }
        if (t == int.class || t == float.class) {
            return 4;
        }
        if (t == short.class || t == char.class) {
            return 2;
        }
        if (t == byte.class || t == boolean.class) {
            return 1;
        }
        return 4;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
