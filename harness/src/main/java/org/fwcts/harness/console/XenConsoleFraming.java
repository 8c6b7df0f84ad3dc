package org.fwcts.harness.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Xen's console, one physical line at a time, back into what each guest wrote: Xen 4.22
 * ({@code xen/arch/arm/vpl011.c}, {@code vpl011_write_data_xen}) prints the guest that has input
 * focus character by character, so its text follows the {@code (XEN) } prefix of a line and may
 * be cut by any other message, which then goes on in the same line; every other guest's output is
 * collected and printed as {@code DOMn: } + text, a whole line or 126 bytes of one. Xen's own
 * messages that can land in the middle of a line start with one of a few known heads. Pure: no
 * I/O, no clock.
 */
final class XenConsoleFraming {
    /** What a guest wrote, or what Xen said, as one physical line resolves. */
    interface Sink {
        /** {@code text} written by domain {@code domain}; {@code lineEnd}: the guest ended its line there. */
        void guest(int domain, String text, boolean lineEnd);

        /** A line of Xen's (or the firmware's) own. */
        void hypervisor(String line);

        /** Input now goes to {@code domain} (0: to Xen itself). */
        void focus(int domain);

        /** Xen dropped input meant for {@code domain}: its input buffer was full. */
        void inputDropped(int domain);
    }

    /** The prefix printk puts at the start of each line. */
    static final String PREFIX = "(XEN) ";
    /** vpl011's buffer for an unfocused guest flushes at this many bytes (SBSA_UART_OUT_BUF_SIZE - 2). */
    static final int CHUNK = 126;
    /** Heads of Xen's messages that may follow a focused guest's unfinished line. */
    private static final Pattern MESSAGE_HEAD = Pattern.compile(
            "DOM(\\d{1,5}): |<\\d>|\\(d(\\d{1,5})\\) |\\*\\*\\* Serial input to ");
    /** The whole announcement, so that a damaged one moves nothing (console_switch_input in console.c). */
    private static final Pattern FOCUS = Pattern.compile(
            "\\*\\*\\* Serial input to (?:DOM(\\d{1,5})|Xen) \\(type 'CTRL-a' three times to switch input\\)");
    private static final Pattern DROPPED = Pattern.compile("\\(d(\\d{1,5})\\) failed to process console input");
    private static final Pattern DROPPED_INLINE = Pattern.compile("failed to process console input");

    private final Sink sink;
    private int focus;

    XenConsoleFraming(Sink sink) {
        this.sink = sink;
    }

    /** The domain input goes to, as last announced (0: Xen). */
    int focus() {
        return focus;
    }

    /**
     * Takes one physical line, without its line feed; the carriage return Xen's serial driver puts
     * before each line feed may still end it.
     */
    void line(String physical) {
        String line = physical.endsWith("\r") ? physical.substring(0, physical.length() - 1) : physical;
        if (!line.startsWith(PREFIX)) {
            Matcher dropped = DROPPED.matcher(line);
            if (dropped.lookingAt()) {
                sink.inputDropped(Integer.parseInt(dropped.group(1)));
            }
            sink.hypervisor(line);
            return;
        }
        String content = line.substring(PREFIX.length());
        Matcher head = MESSAGE_HEAD.matcher(content);
        if (!head.find()) {
            focusedOrXen(content, true);
            return;
        }
        if (head.start() > 0) {
            focusedOrXen(content.substring(0, head.start()), false);
        }
        if (head.group(1) != null) {
            chunk(Integer.parseInt(head.group(1)), content.substring(head.end()));
        } else {
            message(content.substring(head.start()));
        }
    }

    private void focusedOrXen(String text, boolean lineEnd) {
        if (focus > 0) {
            sink.guest(focus, text, lineEnd);
        } else {
            sink.hypervisor(text);
        }
    }

    private void chunk(int domain, String text) {
        // A chunk that filled the buffer ends where Xen cut it, not where the guest ended a line.
        sink.guest(domain, text, text.length() != CHUNK);
    }

    private void message(String text) {
        Matcher focusLine = FOCUS.matcher(text);
        if (focusLine.matches()) {
            focus = focusLine.group(1) == null ? 0 : Integer.parseInt(focusLine.group(1));
            sink.focus(focus);
        }
        Matcher dropped = DROPPED.matcher(text);
        if (dropped.lookingAt()) {
            sink.inputDropped(Integer.parseInt(dropped.group(1)));
        } else if (focus > 0 && text.startsWith("<") && DROPPED_INLINE.matcher(text).find()) {
            // In the middle of a line Xen's guest_printk shows its log level, not the domain.
            sink.inputDropped(focus);
        }
        sink.hypervisor(text);
    }
}
