package org.plasticity.data;

import java.nio.file.Path;
import org.plasticity.data.cache.DataCache;
import org.plasticity.data.cache.FillReports;

/**
 * The library's data sets in one place, read from the default data cache
 * ({@code ~/.plasticity/datasets}, or {@code -Dplasticity.data=DIR}, or {@code PLASTICITY_DATA}).
 * Fill the cache once with {@code DatasetsCli fill} or {@link #fill(String...)}.
 *
 * <pre>{@code
 * Splits mnist = Datasets.mnist();                        // 60k / 0 / 10k
 * Splits localCa = Datasets.mnist().withValidation(0.2, 1); // 48k / 12k / 10k
 * Splits kmnist = Datasets.kmnistTestSplit();             // 8k / 0 / 2k, non-standard
 * }</pre>
 */
public final class Datasets {

    private Datasets() {
    }

    /** A loader bound to another cache folder. */
    public static DatasetLoader in(Path cacheRoot) {
        return new DatasetLoader(new DataCache(cacheRoot));
    }

    /** The loader of the default cache. */
    public static DatasetLoader loader() {
        return new DatasetLoader(DataCache.defaultCache());
    }

    /** MNIST 60k / 10k (see {@link DatasetLoader#mnist()}). */
    public static Splits mnist() {
        return loader().mnist();
    }

    /** Fashion-MNIST 60k / 10k (see {@link DatasetLoader#fashionMnist()}). */
    public static Splits fashionMnist() {
        return loader().fashionMnist();
    }

    /** Standard KMNIST 60k / 10k; needs the train images (see {@link DatasetLoader#kmnist()}). */
    public static Splits kmnist() {
        return loader().kmnist();
    }

    /** Non-standard KMNIST 8k / 2k split of the test set (see {@link DatasetLoader#kmnistTestSplit()}). */
    public static Splits kmnistTestSplit() {
        return loader().kmnistTestSplit();
    }

    /** LocalCA context gating 8000/1000/1000, noise redrawn per epoch (see {@link DatasetLoader#contextGating(long)}). */
    public static Splits contextGating(long seed) {
        return loader().contextGating(seed);
    }

    /** MNIST-1D 4000 / 1000, length 40 (package defaults), generator seed {@code seed}. */
    public static Splits mnist1d(long seed) {
        return org.plasticity.data.tasks.Mnist1d.generate(org.plasticity.data.tasks.Mnist1dConfig.defaults().withSeed(seed));
    }

    /** MNIST-1D with explicit constants, e.g. {@code Mnist1dConfig.gle()} (length 360). */
    public static Splits mnist1d(org.plasticity.data.tasks.Mnist1dConfig config) {
        return org.plasticity.data.tasks.Mnist1d.generate(config);
    }

    /** CIFAR-10 50k / 10k; needs the canonical tarball (see {@link DatasetLoader#cifar10()}). */
    public static Splits cifar10() {
        return loader().cifar10();
    }

    /** IMDB reviews, original 25k / 25k split (see {@link DatasetLoader#imdb()}). */
    public static org.plasticity.data.text.ImdbReviews imdb() {
        return loader().imdb();
    }

    /** IMDB from an unpacked original {@code aclImdb} folder (canonical tarball; see {@link org.plasticity.data.text.ImdbReviews#fromAclImdb}). */
    public static org.plasticity.data.text.ImdbReviews imdbFromAclImdb(Path aclImdbFolder) {
        return org.plasticity.data.text.ImdbReviews.fromAclImdb(aclImdbFolder);
    }

    /** IMDB as 256-token id sequences + vocabulary + word vectors (see {@link DatasetLoader#imdbTask}). */
    public static org.plasticity.data.text.ImdbTask imdbTask(org.plasticity.data.text.ImdbTaskConfig config) {
        return loader().imdbTask(config);
    }

    /**
     * The DVS-Gesture <b>stand-in</b>: event frames from moving MNIST digits (first {@code trainN}
     * train and {@code testN} test digits, default {@link org.plasticity.data.encode.EventStreamConfig}).
     */
    public static Splits eventMnistStandIn(int trainN, int testN) {
        return org.plasticity.data.encode.EventStreamStandIn.of(mnist().limit(trainN, testN),
                org.plasticity.data.encode.EventStreamConfig.defaults());
    }

    /**
     * Fills the named data sets (default: all obtainable ones) into the default cache.
     *
     * @param names data set names (none: all obtainable ones)
     * @return one report per data set, a list that displays itself as a table
     */
    public static FillReports fill(String... names) {
        return loader().fill(names);
    }
}
