package org.plasticity.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A data file is missing, damaged or not what it claims to be. The message always names the file,
 * what is wrong with it, and the command that fixes it, e.g.
 * {@code ~/.plasticity/datasets/mnist/train-images-idx3-ubyte: truncated: 1000 of 47040016 bytes.
 * Fix: java -cp target/classes:target/lib/* org.plasticity.data.DatasetsCli fill mnist}.
 */
public class DataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;
    private final String fix;

    /**
     * Creates the exception.
     *
     * @param file the file (or directory) concerned
     * @param problem what is wrong, e.g. {@code "truncated: 1000 of 47040016 bytes"}
     * @param fix the command or action that fixes it
     */
    public DataFileException(Path file, String problem, String fix) {
        this(file, problem, fix, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param file the file (or directory) concerned
     * @param problem what is wrong
     * @param fix the command or action that fixes it
     * @param cause the underlying error, may be null
     */
    public DataFileException(Path file, String problem, String fix, Throwable cause) {
        super(file + ": " + problem + ". Fix: " + fix, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }

    /** What is wrong with it. */
    public String problem() {
        return problem;
    }

    /** The command or action that fixes it. */
    public String fix() {
        return fix;
    }
}
