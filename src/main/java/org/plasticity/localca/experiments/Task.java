package org.plasticity.localca.experiments;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.plasticity.data.Datasets;
import org.plasticity.data.Splits;
import org.plasticity.results.Profile;

/**
 * The data sets of the paper with the authors' splits (spec §1.4): MNIST and Fashion-MNIST with an
 * 80/20 train/validation split of the training set (split seed 42) and the official test set;
 * context gating 8000/1000/1000 (task seed 42). The smoke profile takes the slice of {@link Profile#data}.
 */
public enum Task {
    /** MNIST, 48k / 12k / 10k. */
    MNIST("mnist"),
    /** The context-gating figure–ground task, 8k / 1k / 1k. */
    CONTEXT_GATING("context-gating"),
    /** Fashion-MNIST, 48k / 12k / 10k. */
    FASHION_MNIST("fashion-mnist");

    /** Seed of the validation split and of the context-gating task. */
    public static final long DATA_SEED = 42;

    private static final Map<String, Splits> CACHE = new ConcurrentHashMap<>();

    private final String id;

    Task(String id) {
        this.id = id;
    }

    /** Data set id used in result rows. */
    public String id() {
        return id;
    }

    /** The full splits (loaded once per process). */
    public Splits full() {
        return CACHE.computeIfAbsent(id, k -> switch (this) {
            case MNIST -> Datasets.mnist().withValidation(0.2, DATA_SEED);
            case FASHION_MNIST -> Datasets.fashionMnist().withValidation(0.2, DATA_SEED);
            case CONTEXT_GATING -> Datasets.contextGating(DATA_SEED);
        });
    }

    /** The splits for a profile: the full splits, or the one smoke slice of {@link Profile#data}. */
    public Splits splits(Profile profile) {
        return profile.data(full());
    }
}
