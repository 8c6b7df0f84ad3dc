package org.fwcts.harness.session;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether Xen's OP-TEE mediator serves this boot, with the line of Xen's log that shows why not.
 * Xen probes OP-TEE once at boot ({@code optee_probe}, xen/arch/arm/tee/optee.c): it checks the
 * UID, prints the thread count it read ({@value #THREADS_LINE} … {@code threads per guest}), and
 * keeps the mediator only if OP-TEE knows {@code OPTEE_SMC_VM_DESTROYED}, which an OP-TEE built
 * without {@code CFG_NS_VIRTUALIZATION} does not; {@code tee_init} (tee.c) then prints
 * {@value #MEDIATOR_LINE}, or, when {@code tee=optee} is on Xen's command line, panics with the
 * reason. Pure.
 */
public final class OpteeMediatorPresence {
    /** The line Xen prints when it uses the OP-TEE mediator. */
    public static final String MEDIATOR_LINE = "Using TEE mediator for OP-TEE";
    /** The start of the line Xen prints once OP-TEE answered GET_THREAD_COUNT. */
    public static final String THREADS_LINE = "OP-TEE supports";

    private OpteeMediatorPresence() {
    }

    /** Why this Xen boot has no OP-TEE mediator, quoting its log; empty when the log says it uses one. */
    public static Optional<String> missing(List<String> xenLog) {
        if (find(xenLog, line -> line.contains(MEDIATOR_LINE)).isPresent()) {
            return Optional.empty();
        }
        Optional<String> threads = find(xenLog, line -> line.contains(THREADS_LINE));
        if (threads.isPresent()) {
            return Optional.of("OP-TEE built without virtualization (CFG_NS_VIRTUALIZATION=y): Xen found OP-TEE ('"
                    + threads.get() + "') but OP-TEE does not know OPTEE_SMC_VM_DESTROYED, so Xen left its OP-TEE"
                    + " mediator out" + quoted(xenLog, "probe failed"));
        }
        Optional<String> noThreads = find(xenLog, line -> line.contains("Can't read number of threads supported by OP-TEE"));
        if (noThreads.isPresent()) {
            return Optional.of("OP-TEE without OPTEE_SMC_GET_THREAD_COUNT, which Xen's mediator needs: its log says '"
                    + noThreads.get() + "'");
        }
        Optional<String> unsupported = find(xenLog, line -> line.contains("from command line not supported"));
        if (unsupported.isPresent()) {
            return Optional.of("Xen without the OP-TEE mediator (CONFIG_OPTEE): its log says '" + unsupported.get() + "'");
        }
        Optional<String> unknown = find(xenLog, line -> line.contains("parameter \"tee\" unknown"));
        if (unknown.isPresent()) {
            return Optional.of("Xen without TEE mediators (CONFIG_TEE, CONFIG_OPTEE): its log says '" + unknown.get() + "'");
        }
        Optional<String> other = find(xenLog, line -> line.contains("Using TEE mediator for"));
        if (other.isPresent()) {
            return Optional.of("Xen uses another TEE mediator: its log says '" + other.get()
                    + "' (put tee=optee on Xen's command line)");
        }
        return Optional.of("no OP-TEE answered Xen's probe (the secure world is not OP-TEE, or the device tree has no"
                + " linaro,optee-tz node): its log has no '" + THREADS_LINE + " … threads per guest' line"
                + quoted(xenLog, "probe failed").replace("; it says", ", it says")
                + find(xenLog, line -> line.contains("Xen version")).map(line -> " (" + line + ")").orElse(""));
    }

    private static String quoted(List<String> xenLog, String fragment) {
        return find(xenLog, line -> line.contains(fragment)).map(line -> "; it says '" + line + "'").orElse("");
    }

    private static Optional<String> find(List<String> xenLog, Predicate<String> wanted) {
        return xenLog.stream().map(String::strip).filter(wanted).findFirst();
    }
}
