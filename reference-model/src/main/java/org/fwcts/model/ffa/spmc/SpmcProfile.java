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

/**
 * The implementation-defined choices of one SPMC, each a named field. The model reads these
 * and nothing else about the implementation; {@code profile.SpmcProfiles} builds one per implementation.
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
        return toBuilder().version(newVersion).build();
    }

    /** A builder holding these choices, to change some of them by name. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder with every choice unset; {@link Builder#build()} names any left unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets the choices by name; each setter is the component of the same name. */
    public static final class Builder {
        private String name;
        private String description;
        private SpecVersion version;
        private VersionPolicy versionPolicy;
        private FunctionAvailability functions;
        private RegisterConvention registers;
        private DiscoveryChoices discovery;
        private MailboxChoices mailbox;
        private MessagingChoices messaging;
        private MemoryChoices memory;
        private NotificationChoices notifications;

        private Builder() {
        }

        private Builder(SpmcProfile from) {
            name = from.name;
            description = from.description;
            version = from.version;
            versionPolicy = from.versionPolicy;
            functions = from.functions;
            registers = from.registers;
            discovery = from.discovery;
            mailbox = from.mailbox;
            messaging = from.messaging;
            memory = from.memory;
            notifications = from.notifications;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder version(SpecVersion value) {
            version = value;
            return this;
        }

        public Builder versionPolicy(VersionPolicy value) {
            versionPolicy = value;
            return this;
        }

        public Builder functions(FunctionAvailability value) {
            functions = value;
            return this;
        }

        public Builder registers(RegisterConvention value) {
            registers = value;
            return this;
        }

        public Builder discovery(DiscoveryChoices value) {
            discovery = value;
            return this;
        }

        public Builder mailbox(MailboxChoices value) {
            mailbox = value;
            return this;
        }

        public Builder messaging(MessagingChoices value) {
            messaging = value;
            return this;
        }

        public Builder memory(MemoryChoices value) {
            memory = value;
            return this;
        }

        public Builder notifications(NotificationChoices value) {
            notifications = value;
            return this;
        }

        /** The choices; fails naming the first one not set. */
        public SpmcProfile build() {
            return new SpmcProfile(set(name, "name"),
                    set(description, "description"),
                    set(version, "version"),
                    set(versionPolicy, "versionPolicy"),
                    set(functions, "functions"),
                    set(registers, "registers"),
                    set(discovery, "discovery"),
                    set(mailbox, "mailbox"),
                    set(messaging, "messaging"),
                    set(memory, "memory"),
                    set(notifications, "notifications"));
        }

        private static <T> T set(T value, String component) {
            if (value == null) {
                throw new IllegalStateException("SpmcProfile." + component + " is not set");
            }
            return value;
        }
    }
}
