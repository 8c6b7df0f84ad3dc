package org.fwcts.reports;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Recorded runs kept as test fixtures under {@code src/test/resources/runs/}, and the rules they cite. */
final class Fixtures {
    /** The rules the fixture runs are tagged with (no FFA.VERSION: summaries must cope with a rule they cannot cite). */
    static final Map<String, RuleReference> RULES = Stream.of(
            new RuleReference("SMCCC.FID_W0", "DEN0028 v1.6 (SMCCC)", "2.5 Function Identifiers"),
            new RuleReference("SMCCC.VERSION", "DEN0028 v1.6 (SMCCC)", "SMCCC_VERSION"),
            new RuleReference("SMCCC.PRESERVE_X4_X17", "DEN0028 v1.6 (SMCCC)", "Register use in AArch64 SMC and HVC calls"),
            new RuleReference("PSCI.VERSION", "DEN0022 (PSCI)", "PSCI_VERSION"),
            new RuleReference("PSCI.FEATURES", "DEN0022 (PSCI)", "PSCI_FEATURES"))
            .collect(Collectors.toMap(RuleReference::id, r -> r));

    private Fixtures() {
    }

    /** The folder of fixture run {@code name}: {@code nightly-a}, {@code nightly-b} or {@code one-failure}. */
    static Path runDir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/runs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static StoredRun run(String name) {
        return StoredRun.read(runDir(name));
    }
}
