package org.fwcts.harness.console;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fwcts.targets.text.UntrustedText;

/**
 * Xen's reports, read from its console, that it or one of its guests has stopped for good: its
 * {@code panic()} ({@code Panic on CPU n:}, the reason on the next line) and {@code
 * __domain_crash} ({@code Domain d (vcpu#v) crashed on cpu#c:}, after the {@code domain_crash
 * called from file:line} or the caller's own message). A guest's call that Xen ends this way will
 * never be answered. Looked for anywhere in a physical line: a focused guest's text may come first.
 */
final class XenStops {
    private static final String PREFIX = "(XEN) ";
    private static final Pattern PANIC = Pattern.compile("Panic on CPU \\d{1,5}:");
    private static final Pattern DOMAIN_CRASH = Pattern.compile(
            "Domain (\\d{1,5}) (?:\\(vcpu#\\d{1,5}\\) crashed on cpu#\\d{1,5}:|reported crashed by domain \\d{1,5})");
    /** A quoted line is cut here; the rest is in the console log. */
    private static final int KEPT = 160;

    private volatile String panic;
    private boolean panicReasonNext;
    private final Map<Integer, String> crashed = new ConcurrentHashMap<>();
    private String previous = "";

    /** Takes one physical line of Xen's console, in order, from one thread. */
    void line(String physical) {
        String text = physical.endsWith("\r") ? physical.substring(0, physical.length() - 1) : physical;
        String content = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        if (panicReasonNext) {
            panicReasonNext = false;
            panic = panic + " " + content.strip();
        }
        Matcher panicAt = PANIC.matcher(content);
        if (panic == null && panicAt.find()) {
            panic = content.substring(panicAt.start()).strip();
            panicReasonNext = true;
        }
        Matcher crash = DOMAIN_CRASH.matcher(content);
        if (crash.find()) {
            String report = content.substring(crash.start()).strip();
            String before = previous.strip();
            crashed.putIfAbsent(Integer.parseInt(crash.group(1)), quoted(before.isEmpty() ? report : before + " / " + report));
        }
        previous = content;
    }

    /** Why domain {@code domain}'s calls will never be answered, if Xen said so: it panicked, or crashed that domain. */
    Optional<String> of(int domain) {
        String panicked = panic;
        if (panicked != null) {
            return Optional.of("Xen panicked, reporting " + quoted(panicked) + " on its console");
        }
        return Optional.ofNullable(crashed.get(domain))
                .map(report -> "Xen crashed the calling guest (domain " + domain + "), reporting " + report);
    }

    private static String quoted(String text) {
        String line = UntrustedText.line(text);
        return "'" + (line.length() <= KEPT ? line : line.substring(0, KEPT) + "…") + "'";
    }
}
