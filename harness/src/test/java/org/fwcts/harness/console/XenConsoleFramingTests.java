package org.fwcts.harness.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Taking Xen's console apart into guests' output and Xen's own lines")
class XenConsoleFramingTests {
    private final List<String> events = new ArrayList<>();
    private final XenConsoleFraming framing = new XenConsoleFraming(new XenConsoleFraming.Sink() {
        @Override
        public void guest(int domain, String text, boolean lineEnd) {
            events.add(domain + ":" + text + (lineEnd ? "|" : "~"));
        }

        @Override
        public void hypervisor(String line) {
            events.add("xen:" + line);
        }

        @Override
        public void focus(int domain) {
            events.add("focus:" + domain);
        }

        @Override
        public void inputDropped(int domain) {
            events.add("dropped:" + domain);
        }
    });

    @Test
    @DisplayName("before any guest has input, lines with Xen's prefix are Xen's")
    void linesBeforeFocusAreXens() {
        framing.line("(XEN) Using TEE mediator for FF-A\r");
        framing.line("NOTICE:  BL31: v2.15.0\r");
        assertThat(events).containsExactly("xen:Using TEE mediator for FF-A", "xen:NOTICE:  BL31: v2.15.0");
    }

    @Test
    @DisplayName("the focused guest's line cut by another guest's line goes on in the next line")
    void focusedLineCutByAnotherGuest() {
        framing.line("(XEN) *** Serial input to DOM1 (type 'CTRL-a' three times to switch input)\r");
        framing.line("(XEN) !fwcts-agent proto=DOM2: !fwcts-agent proto=2 ep=0 #52aaf54f\r\r");
        framing.line("(XEN) 2 el=1 #936c3f5f\r\r");
        assertThat(events).containsExactly("focus:1",
                "xen:*** Serial input to DOM1 (type 'CTRL-a' three times to switch input)",
                "1:!fwcts-agent proto=~", "2:!fwcts-agent proto=2 ep=0 #52aaf54f\r|", "1:2 el=1 #936c3f5f\r|");
    }

    @Test
    @DisplayName("an unfocused guest's line of more than 126 bytes is joined from its chunks")
    void chunksOf126BytesAreJoined() {
        String first = "a".repeat(XenConsoleFraming.CHUNK);
        framing.line("(XEN) DOM3: " + first + "\r");
        framing.line("(XEN) DOM3: rest\r\r");
        assertThat(events).containsExactly("3:" + first + "~", "3:rest\r|");
    }

    @Test
    @DisplayName("a dropped input is counted for the guest, at the start of a line and in the middle of one")
    void droppedInputIsAttributed() {
        framing.line("(XEN) *** Serial input to DOM2 (type 'CTRL-a' three times to switch input)\r");
        framing.line("(d2) failed to process console input: -28\r");
        framing.line("(XEN) <6a ok 0 #ea002d5<1>failed to process console input: -28\r");
        assertThat(events).contains("dropped:2", "2:<6a ok 0 #ea002d5~");
        assertThat(events.stream().filter(e -> e.equals("dropped:2"))).hasSize(2);
    }

    @Test
    @DisplayName("a damaged focus announcement moves nothing")
    void damagedAnnouncementIsIgnored() {
        framing.line("(XEN) *** Serial input to DOM1 (type 'CTRL-a' three times to switch input)\r");
        framing.line("(XEN) *** Serial input to DOM7 (type 'CTRL-a' three tImes to switch input)\r");
        assertThat(framing.focus()).isEqualTo(1);
        framing.line("(XEN) *** Serial input to Xen (type 'CTRL-a' three times to switch input)\r");
        assertThat(framing.focus()).isZero();
    }
}
