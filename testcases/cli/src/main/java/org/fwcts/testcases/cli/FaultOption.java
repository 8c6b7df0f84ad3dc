package org.fwcts.testcases.cli;

import org.fwcts.harness.faults.FaultSchedule;
import picocli.CommandLine;

/** Reads {@code --inject-faults RATE[:SEED]}: a fraction of console lines to damage, and the seed. */
final class FaultOption {
    private static final long DEFAULT_SEED = 1;

    private FaultOption() {
    }

    /** The schedule, or null when the option is absent. */
    static FaultSchedule parse(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(":", 2);
        try {
            double rate = Double.parseDouble(parts[0]);
            long seed = parts.length > 1 ? Long.parseLong(parts[1]) : DEFAULT_SEED;
            return new FaultSchedule(rate, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(new RunCommand()),
                    "--inject-faults: expected RATE[:SEED] with RATE between 0 and 1, got '" + text + "'");
        }
    }
}
