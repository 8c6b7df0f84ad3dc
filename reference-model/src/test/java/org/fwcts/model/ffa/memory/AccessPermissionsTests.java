package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The memory access permissions byte")
class AccessPermissionsTests {

    @ParameterizedTest(name = "{0} + {1} = 0x{2} ({3})")
    @CsvSource({
        "RW, NX, 06, RW+NX",
        "RO, NX, 05, RO+NX",
        "RW, NOT_SPECIFIED, 02, RW",
        "RW, X, 0a, RW+X",
        "RO, X, 09, RO+X",
        "NOT_SPECIFIED, NX, 04, NX",
        "NOT_SPECIFIED, NOT_SPECIFIED, 00, unspecified",
    })
    @DisplayName("puts data access in bits [1:0] and instruction access in bits [3:2]")
    void encodesFields(DataAccess data, InstructionAccess instruction, String hex, String text) {
        AccessPermissions permissions = AccessPermissions.of(data, instruction);
        assertThat(permissions.encode()).isEqualTo(Integer.parseInt(hex, 16));
        assertThat(AccessPermissions.decode(Integer.parseInt(hex, 16))).isEqualTo(permissions);
        assertThat(permissions).hasToString(text);
        assertThat(permissions.isWellFormed()).isTrue();
    }

    @ParameterizedTest(name = "0x{0}")
    @ValueSource(strings = {"16", "f6", "80", "ff"})
    @DisplayName("keeps reserved bits [7:4] so they re-encode and can be reported")
    void keepsReservedBits(String hex) {
        int value = Integer.parseInt(hex, 16);
        AccessPermissions permissions = AccessPermissions.decode(value);
        assertThat(permissions.encode()).isEqualTo(value);
        assertThat(permissions.hasReservedBits()).isTrue();
        assertThat(permissions.isWellFormed()).isFalse();
    }

    @ParameterizedTest(name = "0x{0}")
    @ValueSource(strings = {"03", "0c", "07", "0e"})
    @DisplayName("recognises the reserved value 0b11 in either field")
    void recognisesReservedValues(String hex) {
        AccessPermissions permissions = AccessPermissions.decode(Integer.parseInt(hex, 16));
        assertThat(permissions.hasReservedValue()).isTrue();
        assertThat(permissions.hasReservedBits()).isFalse();
        assertThat(permissions.isWellFormed()).isFalse();
    }

    @Test
    @DisplayName("shows reserved bits in its text")
    void showsReservedBits() {
        assertThat(AccessPermissions.decode(0x36)).hasToString("RW+NX+reserved=0x30");
    }
}
