package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.fwcts.targets.ProjectLayout;

/**
 * Runs of a shipped simulated target under another name, with named deviations injected or its
 * descriptor text edited, for the self-tests that prove each deviation fails exactly its
 * revealing tests.
 */
final class SimulatedVariants {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String shipped;
    private final String tag;

    /** Variants of {@code targets/<shipped>.yaml}, written and run under {@code dir}, running {@code --tag tag}. */
    SimulatedVariants(Path dir, String shipped, String tag) {
        this.dir = dir;
        this.shipped = shipped;
        this.tag = tag;
    }

    /** A copy of the shipped descriptor named {@code name}, injecting {@code deviation} (none when null). */
    Path descriptor(String name, String deviation) throws IOException {
        return descriptor(name, deviation, UnaryOperator.identity());
    }

    /** As {@link #descriptor(String, String)}, with {@code edit} applied to the descriptor's text. */
    Path descriptor(String name, String deviation, UnaryOperator<String> edit) throws IOException {
        String original = Files.readString(ProjectLayout.discover().targetsDir().resolve(shipped + ".yaml"));
        String text = original.replace("name: " + shipped, "name: " + name);
        if (deviation != null) {
            // Before the ffa section, or before the consoles of a target that has none.
            String next = text.contains("\nffa:") ? "\nffa:" : "\nconsoles:";
            text = text.replace(next, "\nsimulated:\n  deviations: [\"" + deviation + "\"]" + next);
        }
        return Files.writeString(dir.resolve(name + ".yaml"), edit.apply(text));
    }

    /** Runs the variant {@code name} with {@code deviation}; returns its summary.json. */
    JsonNode run(String name, String deviation) throws IOException {
        return runTarget(name, descriptor(name, deviation));
    }

    /** Runs the descriptor {@code target} (a file or a shipped name) into run-{@code name}; returns its summary.json. */
    JsonNode runTarget(String name, Object target) throws IOException {
        Path runDir = runDir(name);
        CliRun run = CliRun.of("run", "-t", target.toString(), "--tag", tag, "-o", runDir.toString());
        assertThat(run.err()).as("errors").doesNotContain("Exception");
        return JSON.readTree(runDir.resolve("summary.json").toFile());
    }

    /** The run folder of the variant {@code name}. */
    Path runDir(String name) {
        return dir.resolve("run-" + name);
    }

    /** The names of the tests in {@code summary} with {@code status}. */
    static List<String> named(JsonNode summary, String status) {
        List<String> names = new ArrayList<>();
        for (JsonNode test : RunCommandSelfTests.tests(summary, status)) {
            names.add(test.get("name").asText());
        }
        return names;
    }
}
