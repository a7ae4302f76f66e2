package org.plasticity.tensor;

/** Picks the kernel implementation once per JVM (see {@link FloatKernels#get()}). */
final class KernelSelection {

    static final FloatKernels BEST = pick();

    private KernelSelection() {
    }

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The JDK's switch for the Vector API's per-access bounds checks (read once, at its first use). */
    static final String OOB_PROPERTY = "jdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK";

    static FloatKernels vector() {
        if (System.getProperty(OOB_PROPERTY) == null
                && Boolean.parseBoolean(System.getProperty("plasticity.simd.unchecked", "true"))) {
            // Our kernels validate every call's whole access range up front (VectorFloatKernels.need), so the
            // per-load checks are redundant; C2 fails to hoist them out of the register-blocked loops and they
            // halve the throughput. -Dplasticity.simd.unchecked=false keeps them.
            System.setProperty(OOB_PROPERTY, "0");
        }
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
