package org.fwcts.testcases.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tests need FF-A at the conduit: where FFA_VERSION answers NOT_SUPPORTED they are skipped, with that reason. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FfaPresence.class)
public @interface RequiresFfa {
}
