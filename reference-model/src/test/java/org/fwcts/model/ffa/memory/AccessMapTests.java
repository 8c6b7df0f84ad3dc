package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.OwnedRange;
import org.fwcts.model.ffa.PageAccess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The access map and page owners: runs of pages, split and merged as transitions change them. */
@DisplayName("Access map and page owners")
class AccessMapTests {
    private static final EndpointId VM = EndpointId.of(0);
    private static final EndpointId SP = EndpointId.of(0x8001);

    @Test
    @DisplayName("an endpoint has the access the topology gives it on each of its pages, and none elsewhere")
    void boot() {
        AccessMap map = AccessMap.of(List.of(new OwnedRange(VM, 0x8000_0000L, 4, PageAccess.RW)));
        assertThat(map.access(VM, 0x8000_0000L)).isEqualTo(PageAccess.RW);
        assertThat(map.access(VM, 0x8000_3FFFL)).isEqualTo(PageAccess.RW);
        assertThat(map.access(VM, 0x8000_4000L)).isEqualTo(PageAccess.NONE);
        assertThat(map.access(SP, 0x8000_0000L)).isEqualTo(PageAccess.NONE);
        assertThat(map.pagesOf(VM)).hasSize(4);
    }

    @Test
    @DisplayName("changing pages in the middle of a run splits it; changing them back merges it again")
    void splitAndMerge() {
        AccessMap boot = AccessMap.of(List.of(new OwnedRange(VM, 0x8000_0000L, 8, PageAccess.RWX)));
        AccessMap lent = boot.with(VM, 0x8000_2000L, 2, PageAccess.NONE);
        assertThat(lent.ranges(VM)).containsExactly(new OwnedRange(VM, 0x8000_0000L, 2, PageAccess.RWX),
                new OwnedRange(VM, 0x8000_4000L, 4, PageAccess.RWX));
        assertThat(lent.with(VM, 0x8000_2000L, 2, PageAccess.RWX)).isEqualTo(boot);
    }

    @Test
    @DisplayName("the runs within a region are clipped to it, pages without access left out")
    void rangesWithin() {
        AccessMap map = AccessMap.of(List.of(new OwnedRange(VM, 0x8000_0000L, 2, PageAccess.RW),
                new OwnedRange(VM, 0x8000_3000L, 2, PageAccess.RO)));
        assertThat(map.ranges(VM, 0x8000_1000L, 3)).containsExactly(new OwnedRange(VM, 0x8000_1000L, 1, PageAccess.RW),
                new OwnedRange(VM, 0x8000_3000L, 1, PageAccess.RO));
    }

    @Test
    @DisplayName("a million-page region is one run, not a million entries")
    void largeRegion() {
        AccessMap map = AccessMap.of(List.of()).with(SP, 0x1_0000_0000L, 1 << 20, PageAccess.RO);
        assertThat(map.ranges(SP)).containsExactly(new OwnedRange(SP, 0x1_0000_0000L, 1 << 20, PageAccess.RO));
        assertThat(map.access(SP, 0x1_0000_0000L + (1L << 32) - 1)).isEqualTo(PageAccess.RO);
    }

    @Test
    @DisplayName("page owners: an endpoint owns a region only if it owns every page of it")
    void owners() {
        PageOwners owners = PageOwners.of(List.of(new OwnedRange(VM, 0x8000_0000L, 4, PageAccess.RW)));
        assertThat(owners.ownsAll(VM, 0x8000_0000L, 4)).isTrue();
        assertThat(owners.ownsAll(VM, 0x8000_2000L, 3)).isFalse();
        PageOwners donated = owners.with(0x8000_1000L, 1, SP);
        assertThat(donated.owner(0x8000_1000L)).contains(SP);
        assertThat(donated.ownsAll(VM, 0x8000_0000L, 4)).isFalse();
        assertThat(donated.ownsAll(SP, 0x8000_1000L, 1)).isTrue();
    }
}
