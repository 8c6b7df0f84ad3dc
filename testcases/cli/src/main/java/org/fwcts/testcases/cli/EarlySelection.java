package org.fwcts.testcases.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The test selection a command line will make, read before picocli has built its model, so that
 * JUnit's discovery can start at once. Only plain command lines are read: a command and options
 * from a short list, each with its value; anything else (another option, an argument file, a
 * cluster of short options) and there is no early selection. The run checks the early selection
 * against the one picocli parsed and uses its discovery only when they are equal, so a reading
 * that falls short costs only the discovery done in vain.
 */
final class EarlySelection {
    /** A command's options read: those that take a value (the next argument, or after '=') and flags. */
    private record Grammar(Set<String> valued, Set<String> flags) {
    }

    private static final Map<String, Grammar> COMMANDS = Map.of(
            "run", new Grammar(Set.of("-t", "--target", "--tag", "--test", "-o", "--output", "--waivers", "--progress"),
                    Set.of("--boot-per-test")),
            "bench-suite", new Grammar(Set.of("-t", "--target", "--tag", "--test"), Set.of("--each")));

    private EarlySelection() {
    }

    /** The selection {@code args} make, when they are read plainly; empty otherwise. */
    static Optional<SuiteSelection> of(String... args) {
        Grammar grammar = args.length == 0 ? null : COMMANDS.get(args[0]);
        if (grammar == null) {
            return Optional.empty();
        }
        List<String> tags = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String option = arg.startsWith("-") && equals > 0 ? arg.substring(0, equals) : arg;
            if (grammar.flags().contains(arg)) {
                continue;
            }
            if (!grammar.valued().contains(option)) {
                return Optional.empty();
            }
            String value;
            if (option.length() < arg.length()) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (option.equals("--tag")) {
                tags.add(value);
            } else if (option.equals("--test")) {
                names.add(value);
            }
        }
        return Optional.of(args[0].equals("bench-suite") ? BenchSuiteCommand.selection(tags, names)
                : new SuiteSelection(tags, names));
    }

    /** The options read, by command: the test checks them against the commands' own. */
    static Map<String, Set<String>> optionsRead() {
        Map<String, Set<String>> read = new java.util.TreeMap<>();
        COMMANDS.forEach((command, grammar) -> {
            Set<String> options = new java.util.TreeSet<>(grammar.valued());
            options.addAll(grammar.flags());
            read.put(command, options);
        });
        return read;
    }
}
