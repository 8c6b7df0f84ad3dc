package org.fwcts.harness.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A call history whose disk fills up")
class FailedHistoryWriteTests {
    @TempDir
    Path dir;

    /** A disk with room for {@code room} bytes that fails the write that overflows it, and has room again afterwards. */
    private static final class FillingDisk extends OutputStream {
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private int room;
        private boolean full;

        FillingDisk(int room) {
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!full && length > room) {
                written.write(bytes, offset, room);
                full = true;
                throw new IOException("No space left on device");
            }
            written.write(bytes, offset, length);
            room -= Math.min(room, length);
        }
    }

    @Test
    @DisplayName("writes nothing after the first failed write, so the file ends in at most one half line, which a resumed run cuts")
    void stopsAtTheFirstFailure() throws IOException {
        Path file = dir.resolve("calls.jsonl");
        FillingDisk disk = new FillingDisk(20);
        CallHistory history = CallHistory.writingTo(file, disk);
        assertThatThrownBy(() -> history.boot(1, "first boot")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot append to " + file);
        // Room again (another file deleted): the buffer, half on disk already, must not go out a second time.
        assertThatThrownBy(() -> history.boot(2, "second boot")).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(history::flush).isInstanceOf(UncheckedIOException.class);
        history.close();
        assertThat(disk.written.size()).isEqualTo(20);

        Files.write(file, disk.written.toByteArray());
        try (CallHistory resumed = CallHistory.appendingTo(file)) {
            resumed.boot(3, "resumed");
        }
        assertThat(CallHistory.read(file)).hasSize(1);
    }
}
