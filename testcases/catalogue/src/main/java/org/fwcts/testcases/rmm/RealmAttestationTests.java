package org.fwcts.testcases.rmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.realm.CcaToken;
import org.fwcts.model.Registers;
import org.fwcts.model.rmm.RealmCall;
import org.fwcts.model.rmm.RsiFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FreshBoot;
import org.fwcts.testcases.support.RealmAgent;
import org.fwcts.testcases.support.RealmSetup;
import org.fwcts.testcases.support.RequiresRmm;
import org.fwcts.testcases.support.RmmHost;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Attestation from inside a realm: RSI_ATTEST_TOKEN_INIT/CONTINUE judged call by call, and the CCA token the RMM
 * writes into the realm read back and checked for its structure: the challenge echoed, the RIM and REMs those
 * RSI_MEASUREMENT_READ reports.
 */
@ConformanceTest
@RequiresRmm
@Tag("rmm")
@Tag("area:rmm")
@FreshBoot("a realm of its own")
@DisplayName("Realm attestation")
class RealmAttestationTests {
    /** A protected page past the largest image: RIPAS EMPTY, unassigned until a test gives it data. */
    private static final long BUFFER = RealmSetup.IMAGE_IPA + 0x10000;
    private static final int GRANULE = 4096;
    /** The first chunk CONTINUE copies: less than any token (the model's lower bound). */
    private static final int FIRST_CHUNK = 128;
    /** RSI results sit in the REC exit's x7..x17 (the agent's gprs[8..18]). */
    private static final int RSI_X0 = 7;
    private RealmAgent realm;

    @BeforeEach
    void running(RmmHost rmm) {
        realm = RealmSetup.running(rmm);
    }

    @Test
    @Tag("rule:RMM.RSI.ATTEST")
    @DisplayName("RSI_ATTEST_TOKEN_CONTINUE checks its buffer before the token's state: an unaligned, overlong,"
            + " unprotected or RIPAS EMPTY buffer is ERROR_INPUT, a call before INIT ERROR_STATE")
    void continueErrors() {
        long image = RealmSetup.IMAGE_IPA;
        assertThatCall(continueToken(image + 8, 0, 64)).matchesModel();
        assertThatCall(continueToken(image, 4000, 97)).matchesModel();
        assertThatCall(continueToken(realm.unprotectedBase(), 0, 64)).matchesModel();
        assertThatCall(continueToken(image, 0, 64)).matchesModel();
        assertThatCall(init(new long[8])).matchesModel();
        assertThatCall(continueToken(BUFFER, 0, 64)).matchesModel();
        assertThatCall(continueToken(image, 0, GRANULE + 1)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RSI.ATTEST")
    @Tag("rule:RMM.RSI.MEASUREMENT")
    @Tag("rule:RMM.DATA.CREATE_UNKNOWN")
    @DisplayName("the CCA token comes INCOMPLETE in parts, then whole; it holds the platform and realm tokens, the"
            + " challenge, the RIM and the REMs the realm reads")
    void token(RmmHost rmm) {
        RealmSetup.ramWithData(rmm, realm, BUFFER, 0);
        assertThatCall(realm.rsi(RsiFunction.RSI_MEASUREMENT_EXTEND, 2, 8, 0x1122_3344_5566_7788L)).matchesModel();
        List<byte[]> measurements = new ArrayList<>();
        for (int index = 0; index <= 4; index++) {
            CallCheck read = realm.rsi(RsiFunction.RSI_MEASUREMENT_READ, index);
            assertThatCall(read).matchesModel();
            measurements.add(littleEndian(observed(read), RSI_X0 + 1, 4));
        }
        long[] challenge = new long[8];
        for (int i = 0; i < challenge.length; i++) {
            challenge[i] = 0x0101_0101_0101_0101L * (i + 1) ^ 0xF0E1_D2C3_B4A5_9687L;
        }
        assertThatCall(init(challenge)).matchesModel();
        assertThatCall(continueToken(BUFFER, 0, 0)).matchesModel();
        assertThatCall(continueToken(BUFFER, 0, FIRST_CHUNK)).matchesModel();
        CallCheck rest = continueToken(BUFFER, FIRST_CHUNK, GRANULE - FIRST_CHUNK);
        assertThatCall(rest).matchesModel();
        assertThatCall(continueToken(BUFFER, 0, 64)).matchesModel();
        int length = FIRST_CHUNK + (int) observed(rest).x(RSI_X0 + 1);
        Assumptions.assumeFalse(rmm.simulated(), "a simulated RMM writes no token: its structure is checked on a"
                + " real RMM");
        CcaToken token = CcaToken.parse(readBuffer(length));
        assertThat(token.tag()).as("the collection's tag").isEqualTo(rmm.model().profile().ccaTokenTag());
        assertThat(token.platformToken()).as("the platform token").isNotEmpty();
        assertThat(token.bytes(CcaToken.CHALLENGE)).as("the challenge claim").isEqualTo(littleEndian(challenge));
        assertThat(token.hashAlgorithm()).as("the hash algorithm claim").isEqualTo("sha-256");
        assertThat(token.bytes(CcaToken.PUBLIC_KEY)).as("the realm public key claim").isNotEmpty();
        assertThat(token.bytes(CcaToken.RIM)).as("the RIM claim").isEqualTo(measurements.get(0));
        List<byte[]> rems = token.rems();
        assertThat(rems).as("the REMs claim").hasSize(4);
        for (int i = 0; i < rems.size(); i++) {
            assertThat(rems.get(i)).as("REM " + (i + 1)).isEqualTo(measurements.get(i + 1));
        }
    }

    private CallCheck init(long[] challenge) {
        return realm.rsi(RsiFunction.RSI_ATTEST_TOKEN_INIT, challenge);
    }

    private CallCheck continueToken(long buffer, long offset, long size) {
        return realm.rsi(RsiFunction.RSI_ATTEST_TOKEN_CONTINUE, buffer, offset, size);
    }

    /** The token's bytes, read by the realm agent in READs of what a REC exit carries. */
    private byte[] readBuffer(int length) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int offset = 0; offset < length; offset += RealmCall.READ_CARRIED) {
            int chunk = Math.min(RealmCall.READ_CARRIED, length - offset);
            CallCheck read = realm.read(BUFFER + offset, chunk);
            assertThatCall(read).matchesModel();
            bytes.writeBytes(Arrays.copyOf(littleEndian(observed(read), RSI_X0, RealmCall.READ_CARRIED / 8), chunk));
        }
        return bytes.toByteArray();
    }

    private static Registers observed(CallCheck check) {
        return ((Observation.Completed) check.observation()).registers();
    }

    private static byte[] littleEndian(Registers registers, int first, int count) {
        long[] words = new long[count];
        for (int i = 0; i < count; i++) {
            words[i] = registers.x(first + i);
        }
        return littleEndian(words);
    }

    private static byte[] littleEndian(long[] words) {
        ByteBuffer bytes = ByteBuffer.allocate(8 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long word : words) {
            bytes.putLong(word);
        }
        return bytes.array();
    }
}
