package org.fwcts.harness.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The boot line of the secure-partition agent (sp-agent/PROTOCOL.md, "Boot"): the endpoint ID the
 * partition's own FFA_ID_GET returned at initialisation, printed before it first waits for a
 * direct request. It is the partition's view of its identity even when it never answers a request.
 */
public record SpAgentBanner(int endpointId) {
    /** Agents 2.x print {@code agent=partition ep=0x8001 el=1, waiting ...}; 1.x {@code S-EL1 partition 0x8001 waiting ...}. */
    private static final Pattern LINE = Pattern.compile("fwcts-sp-agent \\S+: (?:agent=partition ep=|S-EL1 partition )"
            + "0x([0-9a-fA-F]{1,4})[ ,].*?waiting for direct requests");

    /** Every boot line in {@code console}, in order. */
    public static List<SpAgentBanner> in(String console) {
        List<SpAgentBanner> banners = new ArrayList<>();
        Matcher matcher = LINE.matcher(console);
        while (matcher.find()) {
            banners.add(new SpAgentBanner(Integer.parseInt(matcher.group(1), 16)));
        }
        return banners;
    }
}
