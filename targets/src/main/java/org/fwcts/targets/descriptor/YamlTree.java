package org.fwcts.targets.descriptor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The first document of a YAML text as plain values: a mapping is a {@code Map<String, Object>}
 * in file order (its keys as written), a sequence a {@code List<Object>}, a scalar value its
 * {@code String} (a plain one read as {@link PlainScalars} says), a null {@code null}. Built from
 * SnakeYAML's parser events alone, without an object mapper: a CLI start reads a descriptor and a
 * manifest and nothing more. Duplicate keys and aliases are refused, each error naming the place.
 */
public final class YamlTree {
    private final Parser parser;
    private final Deque<String> keys = new ArrayDeque<>();

    private YamlTree(String text) {
        this.parser = new ParserImpl(new StreamReader(text), new LoaderOptions());
    }

    /** The first document of {@code text} ({@code null} when there is none). */
    public static Object read(String text) {
        try {
            return new YamlTree(text).document();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage().lines().findFirst().orElse("");
            throw new Problem("not valid YAML: " + (mark == null ? "" : where(mark)) + problem.strip());
        } catch (YAMLException e) {
            throw new Problem("not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private Object document() {
        parser.getEvent(); // stream start
        if (parser.checkEvent(Event.ID.StreamEnd)) {
            return null;
        }
        parser.getEvent(); // document start
        return value();
    }

    private Object value() {
        Event event = parser.getEvent();
        switch (event.getEventId()) {
            case Scalar:
                return PlainScalars.value((ScalarEvent) event);
            case SequenceStart:
                List<Object> items = new ArrayList<>();
                while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                    items.add(value());
                }
                parser.getEvent();
                return items;
            case MappingStart:
                return mapping();
            case Alias:
                throw new Problem(where(event.getStartMark()) + "YAML aliases (*" + ((AliasEvent) event).getAnchor()
                        + ") are not supported in descriptors; write the value out");
            default:
                throw new Problem("not valid YAML: " + where(event.getStartMark()) + "unexpected " + event.getEventId());
        }
    }

    private Map<String, Object> mapping() {
        Map<String, Object> fields = new LinkedHashMap<>();
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event keyEvent = parser.peekEvent();
            if (!(keyEvent instanceof ScalarEvent scalar)) {
                value(); // refuses an alias as it refuses one anywhere
                throw new Problem("not valid YAML: " + where(keyEvent.getStartMark()) + "a key must be a single value");
            }
            parser.getEvent();
            // A key is its text as written: "on", "yes" or "1" name fields, they are not values.
            String name = scalar.getValue();
            if (fields.containsKey(name)) {
                Mark at = keyEvent.getStartMark();
                throw new Problem(dotted(name) + ": duplicate key (line " + (at.getLine() + 1) + ", column "
                        + (at.getColumn() + 1) + ": each key may appear once)");
            }
            keys.push(name);
            fields.put(name, value());
            keys.pop();
        }
        parser.getEvent();
        return fields;
    }

    private String dotted(String key) {
        StringBuilder path = new StringBuilder();
        keys.descendingIterator().forEachRemaining(k -> path.append(k).append('.'));
        return path.append(key).toString();
    }

    private static String where(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    }

    /** Why a text was refused; the message names the place but not the file, which the caller knows. */
    public static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }
}
