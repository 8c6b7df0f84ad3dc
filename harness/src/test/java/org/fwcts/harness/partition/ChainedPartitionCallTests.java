package org.fwcts.harness.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.console.Transcript;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.pipeline.NormalWorldAgent;
import org.fwcts.harness.pipeline.Observed;
import org.fwcts.harness.session.EndpointHealth;
import org.fwcts.harness.session.TargetSession;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.targets.Launchers;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.descriptor.DescriptorLoader;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("A partition's call sent as one chain")
class ChainedPartitionCallTests {
    private static final EndpointId PARTITION = EndpointId.of(0x8001);
    private static final Registers VERSION_1_2 = Registers.of(0x8400_0063L, 0x1_0002L);
    /** FFA_ID_GET from the partition, with a TX write before it and an RX read after it to chain as well. */
    private static final Registers ID_GET = Registers.of(0x8400_0069L);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(DirectMessageKind.class)
    @DisplayName("records the same direct requests and responses, results and RX bytes as one request a line")
    void sameAsOneRequestALine(DirectMessageKind kind) throws Exception {
        byte[] tx = new byte[100];
        for (int i = 0; i < tx.length; i++) {
            tx[i] = (byte) (i * 7);
        }
        Observed chained = call(kind, true, tx);
        Observed alone = call(kind, false, tx);
        assertThat(chained.observation()).isInstanceOf(Observation.Completed.class).isEqualTo(alone.observation());
        assertThat(chained.exchanges()).hasSizeGreaterThan(3).isEqualTo(alone.exchanges());
        assertThat(chained.carrier()).isEqualTo(alone.carrier());
        assertThat(chained.rx().orElseThrow()).isEqualTo(alone.rx().orElseThrow());
    }

    /** The call on a fresh boot, through the session's chains or one direct request per console line. */
    private Observed call(DirectMessageKind kind, boolean chain, byte[] tx) throws Exception {
        ProjectLayout layout = ProjectLayout.discover();
        TargetDescriptor descriptor = DescriptorLoader.load(layout.targetsDir().resolve("simulated-tfa.yaml"));
        try (TargetSession session = TargetSession.boot(descriptor, Launchers.forTarget(descriptor, layout),
                dir.resolve(kind + "-" + chain), Transcript.inMemory())) {
            assertThat(session.agent().chains()).isTrue();
            NormalWorldAgent normalWorld = new NormalWorldAgent(EndpointId.of(0), session.agent(), Optional.empty());
            assertThat(normalWorld.invoke(Conduit.SMC, VERSION_1_2, new byte[0], 0).observation())
                    .isInstanceOf(Observation.Completed.class);
            PartitionClient client = chain
                    ? new PartitionClient(session.agent(), EndpointId.of(0), PARTITION, kind, new EndpointHealth(), 1)
                    // A client over a channel makes each direct request a call of its own.
                    : new PartitionClient(normalWorld, PARTITION, kind, new EndpointHealth(), 1);
            return client.invoke(Conduit.DIRECT_REQUEST, ID_GET, tx, 200);
        }
    }
}
