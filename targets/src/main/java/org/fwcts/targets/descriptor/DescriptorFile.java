package org.fwcts.targets.descriptor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fwcts.targets.TargetException;

/**
 * Reads a descriptor file into its top-level mapping, refusing before any field is looked at:
 * a folder or a file too large to be a descriptor, bytes that are not UTF-8, characters YAML
 * does not allow, duplicate keys and aliases. Each refusal names the file and the line and
 * column (and byte, for encoding errors) or the key.
 */
final class DescriptorFile {
    /** Far above any real descriptor (a few KiB); keeps a runaway file from stalling the parser. */
    static final int MAX_BYTES = 256 * 1024;

    private DescriptorFile() {
    }

    static YamlNode read(Path file) {
        if (Files.isDirectory(file)) {
            throw new TargetException(file + ": is a folder; give a descriptor file (a .yaml file) instead");
        }
        if (!Files.isRegularFile(file)) {
            throw new TargetException(file + ": no such descriptor file");
        }
        String text = text(file);
        TextPosition.firstDisallowed(text).ifPresent(position -> {
            throw new TargetException(file + ": line " + position.line() + ", column " + position.column()
                    + ": control character " + position.character() + " is not allowed in YAML");
        });
        Object tree;
        try {
            tree = YamlTree.read(text);
        } catch (YamlTree.Problem e) {
            throw new TargetException(file + ": " + e.getMessage(), e);
        }
        if (!(tree instanceof Map<?, ?> mapping)) {
            throw new TargetException(file + ": expected a YAML mapping at the top level");
        }
        return new YamlNode(file, "", mapping);
    }

    private static String text(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new TargetException(file + ": " + Files.size(file) + " bytes; a descriptor may have at most "
                        + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TargetException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new TargetException(file + ": a descriptor may have at most " + MAX_BYTES + " bytes");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            TextPosition at = TextPosition.after(out.toString());
            throw new TargetException(file + ": line " + at.line() + ", column " + at.column() + " (byte " + in.position()
                    + "): not valid UTF-8 (a descriptor is UTF-8 text)");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
