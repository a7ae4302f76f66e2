package org.plasticity.tensor;

/** Picks the kernel implementation once per JVM (see {@link FloatKernels#get()}). */
final class KernelSelection {

    static final FloatKernels BEST = pick();

    private KernelSelection() {
    }

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    static FloatKernels vector() {
        if (!vectorModulePresent()) {
            throw new IllegalStateException("the Vector API module is not loaded: start the JVM with "
                    + "--add-modules jdk.incubator.vector (or use FloatKernels.scalar())");
        }
        try {
            return (FloatKernels) Class.forName("org.plasticity.tensor.VectorFloatKernels")
                    .getDeclaredField("INSTANCE").get(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot load the Vector API kernels: " + e, e);
        }
    }

    private static FloatKernels pick() {
        String prop = System.getProperty("plasticity.simd", "true");
        if (!Boolean.parseBoolean(prop) || !vectorModulePresent()) {
            return ScalarFloatKernels.INSTANCE;
        }
        try {
            return vector();
        } catch (IllegalStateException e) {
            return ScalarFloatKernels.INSTANCE;
        }
    }
}
