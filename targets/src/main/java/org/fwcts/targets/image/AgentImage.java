package org.fwcts.targets.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.fwcts.targets.TargetException;

/**
 * One image from the image manifest.
 *
 * @param name the image's name, which descriptors refer to
 * @param file where the image is
 * @param loadAddress where the image expects to be loaded
 * @param sha256 the SHA-256 the manifest records, lower-case hex
 */
public record AgentImage(String name, Path file, long loadAddress, String sha256) {

    /** Returns this image after checking the file still has the manifest's SHA-256. */
    public AgentImage verified() {
        String actual = sha256Of(file);
        if (!actual.equals(sha256)) {
            throw new TargetException(file + ": SHA-256 " + actual + " does not match the image manifest ("
                    + sha256 + "); rebuild the images with ./fwcts build");
        }
        return this;
    }

    /** The SHA-256 of a file, lower-case hex. */
    public static String sha256Of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new TargetException(file + ": cannot read image: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
