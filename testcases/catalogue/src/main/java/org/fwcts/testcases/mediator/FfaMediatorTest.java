package org.fwcts.testcases.mediator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.RequiresFfa;
import org.fwcts.testcases.support.RequiresMediator;
import org.junit.jupiter.api.Tag;

/**
 * Marks a class of FF-A mediator conformance tests: run against the current target, skipped with
 * the reason where the target has no FF-A or no VMs behind a mediator, and tagged for selection.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConformanceTest
@RequiresFfa
@RequiresMediator
@Tag("ffa")
@Tag("mediator")
@Tag("area:mediator")
@interface FfaMediatorTest {
}
