package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.memory.DecodedAssertions.assertValid;
import static org.fwcts.model.ffa.memory.SampleDescriptors.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("decode(encode(t)) round trips")
class TransactionDescriptorRoundTripTests {

    static Stream<Arguments> shapesInEveryLayout() {
        List<MemoryTransaction> shapes = List.of(V1_0_ONE_RECEIVER, V1_0_TWO_RECEIVERS_NO_REGION, V1_1_ONE_RECEIVER,
                V1_1_TWO_RECEIVERS, V1_2_ONE_RECEIVER, V1_2_TWO_RECEIVERS_NO_REGION);
        List<Arguments> cases = new ArrayList<>();
        for (DescriptorLayout layout : DescriptorLayout.values()) {
            for (int i = 0; i < shapes.size(); i++) {
                cases.add(Arguments.of(layout, "shape " + i, shapes.get(i)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("shapesInEveryLayout")
    @DisplayName("every sample shape in every layout, read by a caller of that layout's version")
    void everyShapeInEveryLayout(DescriptorLayout layout, String name, MemoryTransaction transaction) {
        byte[] bytes = TransactionDescriptorEncoder.encode(transaction, layout);
        assertThat(bytes.length % 16).isZero();
        MemoryTransaction decoded = assertValid(TransactionDescriptorDecoder.decode(bytes, layout.introducedIn()));
        assertThat(decoded).isEqualTo(transaction.placed(layout));
        assertThat(TransactionDescriptorEncoder.encode(decoded)).containsExactly(bytes);
    }

    @Test
    @DisplayName("a v1.2 caller may still use 16-byte EMADs; the result says layout v1.1")
    void newerCallerWithOlderEmads() {
        byte[] bytes = TransactionDescriptorEncoder.encode(V1_1_TWO_RECEIVERS, DescriptorLayout.V1_1);
        MemoryTransaction decoded = assertValid(TransactionDescriptorDecoder.decode(bytes, SpecVersion.of(1, 2)));
        assertThat(decoded.layout()).isEqualTo(DescriptorLayout.V1_1);
    }

    @Test
    @DisplayName("only the first length bytes count; the rest of the TX buffer is ignored")
    void ignoresBytesPastLength() {
        byte[] buffer = new byte[4096];
        Arrays.fill(buffer, (byte) 0xA5);
        System.arraycopy(V1_1_ONE_RECEIVER_BYTES, 0, buffer, 0, V1_1_ONE_RECEIVER_BYTES.length);
        MemoryTransaction decoded = assertValid(
                TransactionDescriptorDecoder.decode(buffer, V1_1_ONE_RECEIVER_BYTES.length, SpecVersion.of(1, 1)));
        assertThat(decoded).isEqualTo(V1_1_ONE_RECEIVER.placed(DescriptorLayout.V1_1));
    }

    @Test
    @DisplayName("500 random well-formed transactions (fixed seed) in every layout")
    void randomTransactions() {
        Random random = new Random(0xFFA);
        for (int i = 0; i < 500; i++) {
            DescriptorLayout layout = DescriptorLayout.values()[random.nextInt(3)];
            MemoryTransaction transaction = randomTransaction(random, layout);
            byte[] bytes = TransactionDescriptorEncoder.encode(transaction, layout);
            assertThat(assertValid(TransactionDescriptorDecoder.decode(bytes, layout.introducedIn())))
                    .isEqualTo(transaction.placed(layout));
        }
    }

    private static MemoryTransaction randomTransaction(Random random, DescriptorLayout layout) {
        int attributes = random.nextInt(0x80); // every well-formed value, NS bit included
        MemoryTransaction.Builder builder = MemoryTransaction.builder(EndpointId.of(random.nextInt(0x10000)))
                .attributes(MemoryAttributes.of(attributes))
                .flags(TransactionFlags.of(random.nextInt()))
                .handle(random.nextLong())
                .tag(random.nextLong())
                .layout(layout);
        int receivers = 1 + random.nextInt(4);
        for (int r = 0; r < receivers; r++) {
            AccessPermissions permissions = AccessPermissions.of(DataAccess.fromCode(random.nextInt(3)),
                    InstructionAccess.fromCode(random.nextInt(3)));
            builder.receiver(EndpointAccess.of(EndpointId.of(random.nextInt(0x10000)), permissions)
                    .withFlags(random.nextInt(0x100))
                    .withImpdef(new EndpointAccess.Impdef(random.nextLong(), random.nextLong())));
        }
        if (random.nextBoolean()) {
            List<Constituent> constituents = new ArrayList<>();
            long address = (random.nextLong() & 0x0000_FFFF_FFFF_F000L);
            int count = 1 + random.nextInt(8);
            for (int c = 0; c < count; c++) {
                int pages = 1 + random.nextInt(64);
                constituents.add(Constituent.of(address, pages));
                address += (pages + random.nextInt(4)) * Constituent.PAGE_SIZE;
            }
            Collections.shuffle(constituents, random);
            builder.region(CompositeRegion.of(constituents));
        }
        return builder.build();
    }
}
