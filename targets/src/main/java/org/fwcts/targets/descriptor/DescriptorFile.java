package org.fwcts.targets.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

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
        JsonNode tree;
        try (JsonParser parser = new AliasRefusingParser(YAML.getFactory().createParser(text))) {
            tree = YAML.readTree(parser);
        } catch (JsonProcessingException e) {
            throw new TargetException(file + ": " + problem(e), e);
        } catch (IOException e) {
            throw new TargetException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new TargetException(file + ": expected a YAML mapping at the top level");
        }
        return new YamlNode(file, "", tree);
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

    private static String problem(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
        String message = e.getOriginalMessage();
        if (message.startsWith("Duplicate field '") && e.getProcessor() instanceof JsonParser parser) {
            String key = message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
            JsonLocation at = parser.currentTokenLocation();
            return dotted(parser, key) + ": duplicate key (line " + at.getLineNr() + ", column " + at.getColumnNr()
                    + ": each key may appear once)";
        }
        if (e instanceof AliasException) {
            return where + message;
        }
        return "not valid YAML: " + where + message.lines().findFirst().orElse("");
    }

    /** The dotted path of {@code key} in the mapping the parser is in. */
    private static String dotted(JsonParser parser, String key) {
        StringBuilder path = new StringBuilder(key);
        for (var context = parser.getParsingContext().getParent(); context != null; context = context.getParent()) {
            if (context.getCurrentName() != null) {
                path.insert(0, context.getCurrentName() + ".");
            }
        }
        return path.toString();
    }

    /** An alias ({@code *name}) would otherwise read as the text {@code name}, silently. */
    private static final class AliasException extends JsonProcessingException {
        AliasException(String message, JsonLocation location) {
            super(message, location);
        }
    }

    private static final class AliasRefusingParser extends JsonParserDelegate {
        AliasRefusingParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (delegate() instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                throw new AliasException("YAML aliases (*" + yaml.getText() + ") are not supported in descriptors;"
                        + " write the value out", yaml.currentTokenLocation());
            }
            return token;
        }
    }
}
