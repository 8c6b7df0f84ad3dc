package org.fwcts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Immutable maps of model states")
class ImmutableMapsTests {

    @Test
    @DisplayName("a change gives the map a HashMap would hold, and leaves the original as it was")
    void changesAsAHashMapWould() {
        Map<Integer, String> map = ImmutableMaps.copyOf(Map.of());
        Map<Integer, String> expected = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            Map<Integer, String> before = map;
            Map<Integer, String> beforeCopy = new HashMap<>(before);
            map = ImmutableMaps.with(map, i, "v" + i);
            expected.put(i, "v" + i);
            assertThat(map).isEqualTo(expected).hasSameHashCodeAs(expected);
            assertThat(before).isEqualTo(beforeCopy);
        }
        map = ImmutableMaps.with(map, 3, "again");
        expected.put(3, "again");
        assertThat(map).isEqualTo(expected);
        for (int i = 11; i >= 0; i--) {
            map = ImmutableMaps.without(map, i);
            expected.remove(i);
            assertThat(map).isEqualTo(expected);
            assertThat(map.containsKey(i)).isFalse();
            assertThat(map.getOrDefault(i, "none")).isEqualTo("none");
        }
        assertThat(map).isEmpty();
    }

    @Test
    @DisplayName("a small map refuses changes and nulls, and a copy of it is itself")
    void smallMapIsImmutable() {
        Map<String, Integer> map = ImmutableMaps.with(ImmutableMaps.copyOf(Map.of("a", 1)), "b", 2);
        assertThat(map).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
        assertThat(ImmutableMaps.copyOf(map)).isSameAs(map);
        assertThatThrownBy(() -> map.put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ImmutableMaps.with(map, "c", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> map.get(null)).isInstanceOf(NullPointerException.class);
        assertThat(map.toString()).isEqualTo("{a=1, b=2}");
    }
}
