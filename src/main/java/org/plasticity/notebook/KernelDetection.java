package org.plasticity.notebook;

/**
 * Finds out, without starting anything, whether this JVM is a Jupyter kernel we can display
 * into. Loading a kernel class here must never initialise it: outside a kernel (tests, JShell)
 * the kernel jars may be on the class path while no kernel runs.
 */
final class KernelDetection {

    static final String RAPAIO_MAIN = "org.rapaio.jupyter.kernel.MainApp";
    static final String JJAVA_KERNEL = "org.dflib.jjava.jupyter.kernel.BaseKernel";

    private KernelDetection() {
    }

    /** True when the JVM was launched as rapaio-jupyter-kernel (its main class or its jar). */
    static boolean isRapaioKernel() {
        String command = System.getProperty("sun.java.command", "");
        String main = command.split(" ", 2)[0];
        boolean launched = main.equals(RAPAIO_MAIN) || main.matches(".*rapaio-jupyter-kernel[^/]*\\.jar");
        return launched && present(RAPAIO_MAIN);
    }

    /** True when a JJava kernel is running in this JVM and has installed its notebook statics. */
    static boolean isJJavaKernel() {
        if (!present(JJAVA_KERNEL)) {
            return false;
        }
        try {
            return JJavaAccess.kernelRunning();
        } catch (LinkageError e) {
            return false;
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, KernelDetection.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Kept in its own class so that JJava types are only resolved when JJava is present. */
    private static final class JJavaAccess {
        static boolean kernelRunning() {
            try {
                return org.dflib.jjava.jupyter.kernel.BaseKernel.notebookKernel() != null;
            } catch (NullPointerException e) {
                return false; // JJava reports "No kernel running" this way
            }
        }
    }
}
