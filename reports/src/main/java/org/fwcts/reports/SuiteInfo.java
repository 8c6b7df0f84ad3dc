package org.fwcts.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a summary says about the suite itself: its version and the rules it can cite.
 *
 * @param version the FWCTS version that ran the tests
 * @param rules every rule the suite knows, by ID
 */
public record SuiteInfo(String version, Map<String, RuleReference> rules) {
    public static final String NAME = "FWCTS";

    public SuiteInfo {
        rules = Map.copyOf(rules);
    }

    /** This build of the suite, citing {@code rules}. */
    public static SuiteInfo current(Map<String, RuleReference> rules) {
        return new SuiteInfo(buildVersion(), rules);
    }

    public Optional<RuleReference> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** The version Maven stamped into this module's {@code suite.properties}. */
    public static String buildVersion() {
        Properties properties = new Properties();
        try (InputStream in = SuiteInfo.class.getResourceAsStream("suite.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the suite version", e);
        }
        return properties.getProperty("version", "unknown");
    }
}
