package org.fwcts.testcases.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tests need FF-A at the conduit or guests behind Xen's OP-TEE mediator (saved explore scenarios
 * of either); elsewhere they are skipped with {@link RequiresFfa}'s reason.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FfaOrOpteePresence.class)
public @interface RequiresFfaOrOptee {
}
