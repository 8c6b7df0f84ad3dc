package org.fwcts.harness.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A reconnecting console whose every connection closes at once")
class ReconnectStormTests {

    private static Console closedAtOnce() {
        return new Console() {
            @Override
            public String name() {
                return "agent";
            }

            @Override
            public InputStream input() {
                return InputStream.nullInputStream();
            }

            @Override
            public OutputStream output() {
                return OutputStream.nullOutputStream();
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    @DisplayName("backs off between connections and gives up after a bounded number, in seconds")
    void givesUp() {
        AtomicInteger opened = new AtomicInteger();
        ReconnectingConsole console = new ReconnectingConsole("agent", () -> {
            opened.incrementAndGet();
            return closedAtOnce();
        }, closedAtOnce());
        long start = System.nanoTime();
        assertThatThrownBy(() -> console.input().read(new byte[16])).isInstanceOf(IOException.class)
                .hasMessageContaining("gave nothing on " + ReconnectingConsole.STORM_LIMIT + " connections in a row");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("ReconnectStormTests: %d connections in %.2f s (%.1f per second) before giving up%n", opened.get(),
                seconds, opened.get() / seconds);
        assertThat(opened.get()).isEqualTo(ReconnectingConsole.STORM_LIMIT);
        assertThat(seconds).isBetween(1.0, 15.0);
    }
}
