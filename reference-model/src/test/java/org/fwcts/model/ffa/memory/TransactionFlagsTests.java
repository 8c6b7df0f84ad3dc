package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The transaction flags word")
class TransactionFlagsTests {

    static Stream<Arguments> singleBits() {
        return Stream.of(
                flag("zero memory", 0, f -> f.withZeroMemory(true), TransactionFlags::zeroMemory),
                flag("time slicing", 1, f -> f.withTimeSlicing(true), TransactionFlags::timeSlicing),
                flag("zero after relinquish", 2, f -> f.withZeroAfterRelinquish(true),
                        TransactionFlags::zeroAfterRelinquish),
                flag("hint valid", 9, f -> f.withHintValid(true), TransactionFlags::hintValid),
                flag("bypass multi-borrower check", 10, f -> f.withBypassMultiBorrowerCheck(true),
                        TransactionFlags::bypassMultiBorrowerCheck));
    }

    private static Arguments flag(String name, int bit, UnaryOperator<TransactionFlags> set,
            Predicate<TransactionFlags> read) {
        return Arguments.of(name, bit, set, read);
    }

    @ParameterizedTest(name = "{0} is bit {1}")
    @MethodSource("singleBits")
    @DisplayName("single-bit flags")
    void singleBit(String name, int bit, UnaryOperator<TransactionFlags> set, Predicate<TransactionFlags> read) {
        TransactionFlags flags = set.apply(TransactionFlags.NONE);
        assertThat(flags.raw()).isEqualTo(1 << bit);
        assertThat(read.test(flags)).isTrue();
        assertThat(read.test(TransactionFlags.of(~(1 << bit)))).isFalse();
    }

    @ParameterizedTest(name = "{0} = 0x{1}")
    @CsvSource({"UNSPECIFIED, 0", "SHARE, 8", "LEND, 10", "DONATE, 18"})
    @DisplayName("the transaction type lies in bits [4:3]")
    void transactionType(TransactionType type, String hex) {
        TransactionFlags flags = TransactionFlags.of(type);
        assertThat(flags.raw()).isEqualTo(Integer.parseInt(hex, 16));
        assertThat(flags.transactionType()).isEqualTo(type);
        assertThat(flags.withZeroMemory(true).withTransactionType(TransactionType.UNSPECIFIED).raw()).isEqualTo(1);
    }

    @Test
    @DisplayName("the alignment hint lies in bits [8:5] and bits [31:11] are reserved")
    void alignmentHintAndReservedBits() {
        TransactionFlags flags = TransactionFlags.NONE.withAlignmentHint(0xF).withHintValid(true);
        assertThat(flags.raw()).isEqualTo(0x3E0);
        assertThat(flags.alignmentHint()).isEqualTo(0xF);
        assertThat(flags.reservedBits()).isZero();
        assertThat(TransactionFlags.of(0x800).reservedBits()).isEqualTo(0x800);
        assertThat(TransactionFlags.of(0xFFFF_FFFF).reservedBits()).isEqualTo(0xFFFF_F800);
    }
}
