package org.fwcts.model.rmm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An RTT's entries")
class RttTableTests {
    private static final long PA = 0x7000_0000L;

    @Test
    @DisplayName("a change reads back at its index only, and the table it came from is unchanged")
    void changeIsLocal() {
        RttTable empty = RttTable.filled(PA, 3, 0x4000_0000L, Granules.ENTRIES, RttEntry.UNASSIGNED_EMPTY);
        RttTable changed = empty.with(33, RttEntry.assigned(Ripas.RAM, 0x7000_5000L)).with(511, RttEntry.UNASSIGNED_RAM);
        for (int i = 0; i < Granules.ENTRIES; i++) {
            assertThat(empty.entry(i)).isEqualTo(RttEntry.UNASSIGNED_EMPTY);
            RttEntry expected = i == 33 ? RttEntry.assigned(Ripas.RAM, 0x7000_5000L)
                    : i == 511 ? RttEntry.UNASSIGNED_RAM : RttEntry.UNASSIGNED_EMPTY;
            assertThat(changed.entry(i)).as("entry %d", i).isEqualTo(expected);
        }
        assertThat(changed.size()).isEqualTo(Granules.ENTRIES);
        assertThat(changed.ipaOf(33)).isEqualTo(0x4000_0000L + 33 * 0x1000L);
    }

    @Test
    @DisplayName("liveness follows entries made and unmade live, and the next live entry skips non-live ones")
    void liveness() {
        RttTable table = RttTable.filled(PA, 3, 0, Granules.ENTRIES, RttEntry.UNASSIGNED_RAM);
        assertThat(table.live()).isFalse();
        assertThat(table.nextLive(0)).isEqualTo(Granules.ENTRIES);
        RttTable one = table.with(200, RttEntry.table(0x7000_6000L));
        RttTable two = one.with(40, RttEntry.assignedNs(0x8000_0000L));
        assertThat(two.live()).isTrue();
        assertThat(two.nextLive(0)).isEqualTo(40);
        assertThat(two.nextLive(41)).isEqualTo(200);
        assertThat(two.nextLive(201)).isEqualTo(Granules.ENTRIES);
        RttTable back = two.with(40, RttEntry.UNASSIGNED_NS).with(200, RttEntry.UNASSIGNED_DESTROYED);
        assertThat(back.live()).isFalse();
        assertThat(back.nextLive(0)).isEqualTo(Granules.ENTRIES);
    }

    @Test
    @DisplayName("a table of fewer entries than a chunk holds (a small root) keeps its size and bounds")
    void smallTable() {
        RttEntry[] entries = {RttEntry.UNASSIGNED_EMPTY, RttEntry.UNASSIGNED_EMPTY, RttEntry.UNASSIGNED_NS,
            RttEntry.assignedNs(0x8000_0000L)};
        RttTable root = new RttTable(PA, 1, 0, entries);
        assertThat(root.size()).isEqualTo(4);
        assertThat(root.topIpa()).isEqualTo(4L << 30);
        assertThat(root.live()).isTrue();
        assertThat(root.nextLive(0)).isEqualTo(3);
        assertThat(root.with(3, RttEntry.UNASSIGNED_NS).live()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> root.entry(4))
                .isInstanceOf(ArrayIndexOutOfBoundsException.class);
    }
}
