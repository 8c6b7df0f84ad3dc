package org.fwcts.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.smccc.FunctionId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Records with equals and hashCode written out keep a record's meaning")
class RecordEqualityTests {
    @Test
    @DisplayName("a rule equals another with the same four components, and no other")
    void rule() {
        Rule rule = new Rule("A.B", "DEN0000", "1.2 Title", "Something holds.");
        assertThat(rule).isEqualTo(new Rule("A.B", "DEN0000", "1.2 Title", "Something holds."))
                .hasSameHashCodeAs(new Rule("A.B", "DEN0000", "1.2 Title", "Something holds."))
                .isNotEqualTo(new Rule("A.C", "DEN0000", "1.2 Title", "Something holds."))
                .isNotEqualTo(new Rule("A.B", "DEN0001", "1.2 Title", "Something holds."))
                .isNotEqualTo(new Rule("A.B", "DEN0000", "1.3 Title", "Something holds."))
                .isNotEqualTo(new Rule("A.B", "DEN0000", "1.2 Title", "Something else holds."))
                .isNotEqualTo("A.B");
        // The value the generated hashCode of a record with the same components has: hashed sets keep their order.
        record Generated(String id, String document, String section, String statement) {
        }
        assertThat(rule.hashCode()).isEqualTo(new Generated("A.B", "DEN0000", "1.2 Title", "Something holds.").hashCode());
    }

    @Test
    @DisplayName("function and endpoint IDs equal those of the same value, and hash as a record of that value does")
    void ids() {
        record Generated(int value) {
        }
        assertThat(new FunctionId(0x84000000)).isEqualTo(new FunctionId(0x84000000)).isNotEqualTo(new FunctionId(0x84000001))
                .hasSameHashCodeAs(new Generated(0x84000000));
        assertThat(new EndpointId(0x8001)).isEqualTo(new EndpointId(0x8001)).isNotEqualTo(new EndpointId(0x8002))
                .hasSameHashCodeAs(new Generated(0x8001));
    }
}
