package org.fwcts.model.ffa.spmc;

import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.FunctionAvailability;
import org.fwcts.model.ffa.RegisterConvention;
import org.fwcts.model.ffa.VersionPolicy;
import org.fwcts.model.ffa.discovery.DiscoveryChoices;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.messaging.MessagingChoices;
import org.fwcts.model.ffa.notification.NotificationChoices;
import org.fwcts.model.ffa.rxtx.MailboxChoices;
import org.fwcts.model.profile.SpmcProfiles;

/**
 * The implementation-defined choices of one SPMC, each a named field. The model reads these
 * and nothing else about the implementation; {@link SpmcProfiles} builds one per implementation.
 *
 * @param name the name a target descriptor uses
 * @param description the implementation and how far the profile is verified
 * @param version what FFA_VERSION reports
 * @param versionPolicy how negotiation behaves
 * @param functions which functions exist, by caller world
 * @param registers how unused result registers come back
 * @param discovery FFA_FEATURES and partition information choices
 * @param mailbox RX/TX buffer choices
 * @param messaging direct and indirect messaging choices
 * @param memory memory management choices
 * @param notifications notification choices
 */
public record SpmcProfile(
        String name,
        String description,
        SpecVersion version,
        VersionPolicy versionPolicy,
        FunctionAvailability functions,
        RegisterConvention registers,
        DiscoveryChoices discovery,
        MailboxChoices mailbox,
        MessagingChoices messaging,
        MemoryChoices memory,
        NotificationChoices notifications) {

    public SpmcProfile withVersion(SpecVersion newVersion) {
        return new SpmcProfile(name, description, newVersion, versionPolicy, functions, registers, discovery,
                mailbox, messaging, memory, notifications);
    }
}
