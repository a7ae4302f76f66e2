package org.plasticity.experiment.sweep;

/** Test access to the command line's executor choice from other packages (the Spark test). */
public final class SweepCliAccess {

    private SweepCliAccess() {
    }

    /** {@code --executor name --master master} with the real Spark executor class. */
    public static SweepExecutor executor(String name, String master) {
        return SweepCli.executor(name, null, master, SweepCli.SPARK_EXECUTOR);
    }
}
