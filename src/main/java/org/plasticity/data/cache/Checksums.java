package org.plasticity.data.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex digests (SHA-256, MD5) of byte arrays and streams. */
public final class Checksums {

    private Checksums() {
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        return hex(digest("SHA-256", bytes));
    }

    /** Lower-case hex MD5 of {@code bytes} (only to check published archive checksums). */
    public static String md5(byte[] bytes) {
        return hex(digest("MD5", bytes));
    }

    /** A fresh digest of the given algorithm ({@code SHA-256} or {@code MD5}). */
    public static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks " + algorithm, e);
        }
    }

    /** Lower-case hex of a digest value. */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        return newDigest(algorithm).digest(bytes);
    }
}
