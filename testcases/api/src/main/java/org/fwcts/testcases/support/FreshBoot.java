package org.fwcts.testcases.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test needs a target that has seen no call since it booted (e.g. FF-A version negotiation
 * before any other call). The run reboots the target before it unless the boot is still fresh;
 * other tests share boots.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreshBoot {

    /** Why the test needs it, for the run's record of boots. */
    String value();
}
