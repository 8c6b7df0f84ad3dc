package org.fwcts.testcases.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tests need Xen's OP-TEE mediator with guest VMs in the target's profile: on any other target
 * they are skipped with that reason, before anything boots.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OpteeMediatorPresence.class)
public @interface RequiresOpteeMediator {
}
