package org.fwcts.harness.agent;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fwcts.targets.text.UntrustedText;

/**
 * A console line in which firmware under test reports that it has crashed and will answer
 * nothing more: a call waiting on it has not returned, and waiting out the deadline would only
 * turn a finding into a time-out. Each form is the one its firmware's panic and fatal-exception
 * paths print, at the start of a line:
 * <ul>
 * <li>TF-A: {@code PANIC at PC : 0x…} (any build, crash console), {@code PANIC in EL3.},
 *     {@code Unhandled Exception in EL3.} and {@code Unhandled Interrupt Exception in EL3.} (crash
 *     reporting), {@code ASSERT: …} (a failed assertion, just before its panic);</li>
 * <li>TF-RMM: {@code Unexpected exception on CPU #…} (a fatal exception at R-EL2) and
 *     {@code Assertion "…" failed …} (debug builds); its {@code panic()} itself prints nothing;</li>
 * <li>Hafnium: {@code Panic: …};</li>
 * <li>OP-TEE OS: {@code Panic}, {@code Panic '…' at …} or {@code Panic at …}, after its trace
 *     prefix ({@code E/TC:0 0 }).</li>
 * </ul>
 * Xen's panic is watched by the Xen target itself, on the hypervisor's share of its console.
 */
public final class FirmwareCrashLine {
    private static final List<String> STARTS = List.of("PANIC at PC : 0x", "PANIC in EL3.", "Unhandled Exception in EL3.",
            "Unhandled Interrupt Exception in EL3.", "ASSERT: ", "Unexpected exception on CPU #", "Assertion \"",
            "Panic: ");
    /** OP-TEE's trace prefix: level, TC (core) or TA, the core and optionally the thread, then its panic line. */
    private static final Pattern OPTEE = Pattern.compile("^[A-Z]/T[CA]:\\S*(?: +\\d+)? +(Panic(?: .*)?)$");
    /** A report line is cut here; the rest is in the console log. */
    private static final int KEPT = 160;

    private FirmwareCrashLine() {
    }

    /** The crash report in {@code line}, as a report may quote it, if {@code line} is one. */
    public static Optional<String> in(String line) {
        String text = line.strip();
        if (text.isEmpty() || !(text.charAt(0) == 'P' || text.charAt(0) == 'U' || text.charAt(0) == 'A'
                || text.length() > 2 && text.charAt(1) == '/')) {
            // Nearly every line is a protocol frame or a log line: one look at its start spares the rest.
            return Optional.empty();
        }
        for (String start : STARTS) {
            if (text.startsWith(start)) {
                return Optional.of(quoted(text));
            }
        }
        Matcher optee = OPTEE.matcher(text);
        return optee.matches() ? Optional.of(quoted(text)) : Optional.empty();
    }

    /** Why a call will not return, as a report says it, if {@code line}, read on {@code console}, is a crash report. */
    public static Optional<String> cause(String line, String console) {
        return in(line).map(crash -> "the firmware crashed, reporting '" + crash + "' on console '"
                + UntrustedText.line(console) + "'");
    }

    private static String quoted(String text) {
        String line = UntrustedText.line(text);
        return line.length() <= KEPT ? line : line.substring(0, KEPT) + "…";
    }
}
