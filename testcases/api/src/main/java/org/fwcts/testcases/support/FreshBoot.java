package org.fwcts.testcases.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test needs a target that has seen no call since it booted (e.g. FF-A version negotiation
 * before any other call). The run reboots the target before it unless the boot is still fresh,
 * or, when {@link #unless()} names a state, the model shows the boot in that state; other tests
 * share boots.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreshBoot {

    /** Why the test needs it, for the run's record of boots. */
    String value();

    /** A state of a used boot that serves the test as well as a fresh one. */
    Unless unless() default Unless.NEVER;

    /** States of a boot, as the model follows it, that serve instead of a fresh boot. */
    enum Unless {
        /** Only a boot with no call serves. */
        NEVER("no call since the boot"),
        /**
         * The normal world's FF-A version negotiation has not begun as the model follows it:
         * nothing agreed and negotiation not closed (a refused FFA_VERSION leaves it so, and so
         * does a call the implementation answers outside negotiation, e.g. TF-A's SPMD answering
         * FFA_ID_GET itself).
         */
        VERSION_NOT_NEGOTIATED("or the normal world's FF-A version not negotiated yet");

        private final String description;

        Unless(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
