package org.fwcts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.FfaRules;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.firmware.FamilyOutcome;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.prediction.RegisterPrediction;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.profile.ProfileOverrides;
import org.fwcts.model.profile.Profiles;
import org.fwcts.model.psci.PsciRules;
import org.fwcts.model.smccc.SmcccRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each expectation here is written from the specification text, not asked of the model. */
@DisplayName("The firmware model")
class FirmwareModelTests {
    private static final long NOT_SUPPORTED_32 = 0xFFFF_FFFFL;

    private static Prediction predict(Profile profile, long... registers) {
        FamilyOutcome outcome = new FirmwareModel(profile).step(ModelState.freshBoot(), Registers.of(registers));
        assertThat(outcome).isInstanceOf(FamilyOutcome.Predicted.class);
        return ((FamilyOutcome.Predicted) outcome).prediction();
    }

    private static void assertX0(Prediction prediction, long expected, Rule rule) {
        assertThat(prediction.register(0)).isInstanceOf(RegisterPrediction.Exact.class);
        assertThat(prediction.register(0).admits(expected)).isTrue();
        assertThat(prediction.register(0).admits(expected ^ 1)).isFalse();
        assertThat(prediction.rule()).isEqualTo(rule);
    }

    @Nested
    @DisplayName("for QEMU's built-in PSCI (SMCCC v1.0, PSCI 1.1)")
    class QemuProfile {
        private final Profile qemu = Profiles.qemuBuiltinPsci();

        @Test
        @DisplayName("predicts PSCI_VERSION = 0x00010001 (1.1)")
        void psciVersion() {
            assertX0(predict(qemu, 0x8400_0000L), 0x0001_0001L, PsciRules.VERSION);
        }

        @Test
        @DisplayName("predicts SMCCC_VERSION = NOT_SUPPORTED, as SMCCC v1.0 has no SMCCC_VERSION")
        void smcccVersionAbsent() {
            assertX0(predict(qemu, 0x8000_0000L), NOT_SUPPORTED_32, SmcccRules.VERSION);
        }

        @Test
        @DisplayName("predicts SMCCC_ARCH_FEATURES = NOT_SUPPORTED, as it exists only from v1.1")
        void archFeaturesAbsent() {
            assertX0(predict(qemu, 0x8000_0001L, 0x8000_0000L), NOT_SUPPORTED_32, SmcccRules.ARCH_FEATURES);
        }

        @Test
        @DisplayName("leaves x1–x17 unspecified: x1–x3 are unused results and v1.0 may corrupt x4–x17")
        void v10RegistersAreDontCare() {
            Prediction prediction = predict(qemu, 0x8400_0000L);
            for (int i = 1; i < Registers.COUNT; i++) {
                assertThat(prediction.register(i)).isInstanceOf(RegisterPrediction.DontCare.class);
            }
            assertThat(prediction.register(4).rule()).isEqualTo(SmcccRules.V10_X4_X17);
        }

        @Test
        @DisplayName("compares SMC32 results in w0 only: 0xFFFFFFFF and all-ones x0 both mean NOT_SUPPORTED")
        void smc32ComparesW0() {
            Prediction prediction = predict(qemu, 0x8200_FEF0L);
            assertThat(prediction.register(0).admits(0xFFFF_FFFFL)).isTrue();
            assertThat(prediction.register(0).admits(-1L)).isTrue();
            assertThat(prediction.rule()).isEqualTo(SmcccRules.UNKNOWN_FUNCTION);
        }

        @Test
        @DisplayName("compares SMC64 results in all of x0: an unknown SMC64 call must return 64-bit -1")
        void smc64ComparesX0() {
            Prediction prediction = predict(qemu, 0xC200_FEF0L);
            assertThat(prediction.register(0).admits(-1L)).isTrue();
            assertThat(prediction.register(0).admits(0xFFFF_FFFFL)).isFalse();
        }

        @Test
        @DisplayName("predicts PSCI_FEATURES(CPU_ON SMC64) = 0 and PSCI_FEATURES(SYSTEM_RESET2) = NOT_SUPPORTED")
        void psciFeatures() {
            assertX0(predict(qemu, 0x8400_000AL, 0xC400_0003L), 0, PsciRules.FEATURES);
            assertX0(predict(qemu, 0x8400_000AL, 0x8400_0012L), NOT_SUPPORTED_32, PsciRules.FEATURES);
        }

        @Test
        @DisplayName("predicts PSCI_FEATURES(MIGRATE_INFO_TYPE) = 0: QEMU's PSCI implements it")
        void migrateInfoTypePresent() {
            assertX0(predict(qemu, 0x8400_000AL, 0x8400_0006L), 0, PsciRules.FEATURES);
        }

        @Test
        @DisplayName("predicts SMCCC_ARCH_FEATURES(SMCCC_ARCH_WORKAROUND_2) = NOT_SUPPORTED: no SMCCC v1.1")
        void archFeaturesAbsentForWorkarounds() {
            assertX0(predict(qemu, 0x8000_0001L, 0x8000_7FFFL), NOT_SUPPORTED_32, SmcccRules.ARCH_FEATURES);
        }

        @Test
        @DisplayName("predicts NOT_SUPPORTED for a PSCI function the profile lacks (MIGRATE)")
        void unimplementedPsciFunction() {
            assertX0(predict(qemu, 0x8400_0005L), NOT_SUPPORTED_32, PsciRules.NOT_IMPLEMENTED);
        }

        @Test
        @DisplayName("does not predict the effects of an implemented power function (CPU_ON): it says so")
        void unmodelledPowerFunction() {
            FamilyOutcome outcome = new FirmwareModel(qemu).step(ModelState.freshBoot(), Registers.of(0xC400_0003L));
            assertThat(outcome).isInstanceOf(FamilyOutcome.Unmodelled.class);
        }

        @Test
        @DisplayName("predicts FFA_VERSION = NOT_SUPPORTED: FF-A is absent")
        void ffaAbsent() {
            assertX0(predict(qemu, FfaFunction.FFA_VERSION.x0(), 0x0001_0002L), NOT_SUPPORTED_32, FfaRules.ABSENT);
            assertX0(predict(qemu, FfaFunction.FFA_ID_GET.x0()), NOT_SUPPORTED_32, FfaRules.ABSENT);
        }

        @Test
        @DisplayName("decides by w0 and cites that rule when the upper half of x0 is set")
        void upperHalfOfX0() {
            Prediction prediction = predict(qemu, 0xFFFF_FFFF_8400_0000L);
            assertX0(prediction, 0x0001_0001L, SmcccRules.FUNCTION_ID_IN_W0);
        }

        @Test
        @DisplayName("treats MBZ bits and, before SMCCC v1.3, the SVE hint bit as naming no function")
        void reservedBits() {
            assertX0(predict(qemu, 0x8402_0000L), NOT_SUPPORTED_32, SmcccRules.RESERVED_BITS);
            assertX0(predict(qemu, 0x8401_0000L), NOT_SUPPORTED_32, SmcccRules.RESERVED_BITS);
        }
    }

    @Nested
    @DisplayName("for TF-A BL31 (SMCCC v1.5)")
    class TfaProfile {
        private final Profile tfa = Profiles.tfaBl31();

        @Test
        @DisplayName("predicts SMCCC_VERSION = 0x00010005")
        void smcccVersion() {
            assertX0(predict(tfa, 0x8000_0000L), 0x0001_0005L, SmcccRules.VERSION);
        }

        @Test
        @DisplayName("predicts x4–x17 preserved, as SMCCC v1.1 and later require")
        void preservesX4ToX17() {
            Prediction prediction = predict(tfa, 0x8400_0000L, 0, 0, 0, 0x44L, 0x55L);
            assertThat(prediction.register(4)).isEqualTo(new RegisterPrediction.Preserved(0x44L, SmcccRules.PRESERVE_X4_X17));
            assertThat(prediction.register(4).admits(0x44L)).isTrue();
            assertThat(prediction.register(4).admits(0L)).isFalse();
            assertThat(prediction.register(5).admits(0x55L)).isTrue();
        }

        @Test
        @DisplayName("strips the SVE hint from SMCCC v1.3 on: 0x84010000 is PSCI_VERSION")
        void sveHintStripped() {
            assertX0(predict(tfa, 0x8401_0000L), 0x0001_0001L, PsciRules.VERSION);
        }

        @Test
        @DisplayName("predicts PSCI_FEATURES(MIGRATE_INFO_TYPE) = NOT_SUPPORTED and MIGRATE_INFO_TYPE itself NOT_SUPPORTED:"
                + " TF-A offers it only with an SPD that has svc_migrate_info, and the SPMD has none")
        void migrateInfoTypeAbsent() {
            assertX0(predict(tfa, 0x8400_000AL, 0x8400_0006L), NOT_SUPPORTED_32, PsciRules.FEATURES);
            assertX0(predict(tfa, 0x8400_0006L), NOT_SUPPORTED_32, PsciRules.NOT_IMPLEMENTED);
        }

        @Test
        @DisplayName("predicts PSCI_FEATURES = 0 for PSCI_VERSION, CPU_ON (SMC64), SYSTEM_OFF and SMCCC_VERSION")
        void psciFeaturesPresent() {
            assertX0(predict(tfa, 0x8400_000AL, 0x8400_0000L), 0, PsciRules.FEATURES);
            assertX0(predict(tfa, 0x8400_000AL, 0xC400_0003L), 0, PsciRules.FEATURES);
            assertX0(predict(tfa, 0x8400_000AL, 0x8400_0008L), 0, PsciRules.FEATURES);
            assertX0(predict(tfa, 0x8400_000AL, 0x8000_0000L), 0, PsciRules.FEATURES);
        }

        @Test
        @DisplayName("predicts SMCCC_ARCH_FEATURES as TF-A answers on cortex-a57: WORKAROUND_1 = 0, WORKAROUND_2 = -2"
                + " (NOT_REQUIRED), WORKAROUND_3 = 0, SOC_ID = NOT_SUPPORTED")
        void archFeaturesOnCortexA57() {
            assertX0(predict(tfa, 0x8000_0001L, 0x8000_0000L), 0, SmcccRules.ARCH_FEATURES);
            assertX0(predict(tfa, 0x8000_0001L, 0x8000_0001L), 0, SmcccRules.ARCH_FEATURES);
            assertX0(predict(tfa, 0x8000_0001L, 0x8000_8000L), 0, SmcccRules.ARCH_FEATURES);
            assertX0(predict(tfa, 0x8000_0001L, 0x8000_7FFFL), 0xFFFF_FFFEL, SmcccRules.ARCH_FEATURES);
            assertX0(predict(tfa, 0x8000_0001L, 0x8000_3FFFL), 0, SmcccRules.ARCH_FEATURES);
            assertX0(predict(tfa, 0x8000_0001L, 0x8000_0002L), NOT_SUPPORTED_32, SmcccRules.ARCH_FEATURES);
        }

        @Test
        @DisplayName("admits WORKAROUND_2's NOT_REQUIRED as TF-A writes it: 0xfffffffffffffffe in x0")
        void notRequiredAsObserved() {
            Prediction prediction = predict(tfa, 0x8000_0001L, 0x8000_7FFFL);
            assertThat(prediction.register(0).admits(0xFFFF_FFFF_FFFF_FFFEL)).isTrue();
            assertThat(prediction.register(0).admits(0L)).isFalse();
        }

        @Test
        @DisplayName("gives the same PSCI and SMCCC_ARCH_FEATURES answers under tfa-el3-spmc, which builds on it")
        void el3SpmcBuildsOnIt() {
            Profile spmc = Profiles.named("tfa-el3-spmc").orElseThrow();
            assertX0(predict(spmc, 0x8400_000AL, 0x8400_0006L), NOT_SUPPORTED_32, PsciRules.FEATURES);
            assertX0(predict(spmc, 0x8000_0001L, 0x8000_8000L), 0, SmcccRules.ARCH_FEATURES);
            assertX0(predict(spmc, 0x8000_0001L, 0x8000_7FFFL), 0xFFFF_FFFEL, SmcccRules.ARCH_FEATURES);
            assertX0(predict(spmc, 0x8000_0001L, 0x8000_3FFFL), 0, SmcccRules.ARCH_FEATURES);
        }

        @Test
        @DisplayName("no longer says it is unchecked, and names the TF-A build it was checked against")
        void describesItsCheck() {
            assertThat(tfa.description()).doesNotContain("not yet checked")
                    .contains("TF-A v2.15.0-619-g6a164dda7").contains("QEMU 7.2").contains("cortex-a57");
        }
    }

    @Nested
    @DisplayName("with SMCCC_ARCH_FEATURES answers overridden")
    class ArchFeatureOverrides {
        private final Profile tfa = Profiles.tfaBl31();

        @Test
        @DisplayName("takes archFeature.<function ID> with a decimal, hex or none answer, beside the other fields")
        void overridesAnswers() {
            Profile changed = ProfileOverrides.apply(tfa, Map.of(
                    "archFeature.0x80007fff", "0",
                    "archFeature.0x80008000", "1",
                    "archFeature.0x80003FFF", "none",
                    "archFeature.0x80000002", "0xfffffffe",
                    "psciVersion", "1.0"));
            assertThat(changed.name()).isEqualTo("tfa-bl31+overrides");
            assertX0(predict(changed, 0x8000_0001L, 0x8000_7FFFL), 0, SmcccRules.ARCH_FEATURES);
            assertX0(predict(changed, 0x8000_0001L, 0x8000_8000L), 1, SmcccRules.ARCH_FEATURES);
            assertX0(predict(changed, 0x8000_0001L, 0x8000_3FFFL), NOT_SUPPORTED_32, SmcccRules.ARCH_FEATURES);
            assertX0(predict(changed, 0x8000_0001L, 0x8000_0002L), 0xFFFF_FFFEL, SmcccRules.ARCH_FEATURES);
            assertX0(predict(changed, 0x8400_0000L), 0x0001_0000L, PsciRules.VERSION);
        }

        @Test
        @DisplayName("sets NOT_REQUIRED written as -2")
        void negativeAnswer() {
            Profile changed = ProfileOverrides.apply(Profiles.named("tfa-el3-spmc").orElseThrow(),
                    Map.of("archFeature.0x80008000", "-2"));
            assertX0(predict(changed, 0x8000_0001L, 0x8000_8000L), 0xFFFF_FFFEL, SmcccRules.ARCH_FEATURES);
        }

        @Test
        @DisplayName("refuses a bad key or answer with an error naming the key")
        void refusesBadOverrides() {
            assertThatThrownBy(() -> ProfileOverrides.apply(tfa, Map.of("archFeature.WORKAROUND_2", "-2")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("archFeature.WORKAROUND_2: 'WORKAROUND_2' is not a function ID");
            assertThatThrownBy(() -> ProfileOverrides.apply(tfa, Map.of("archFeature.0x84000006", "0")))
                    .hasMessageStartingWith("archFeature.0x84000006: 0x84000006 is not an Arm Architecture Call");
            assertThatThrownBy(() -> ProfileOverrides.apply(tfa, Map.of("archFeature.0x80007fff", "not required")))
                    .hasMessageStartingWith("archFeature.0x80007fff: 'not required' is not an answer");
            assertThatThrownBy(() -> ProfileOverrides.apply(tfa, Map.of("archFeature.0x80007fff", "0x1ffffffff")))
                    .hasMessageStartingWith("archFeature.0x80007fff: '0x1ffffffff' does not fit in w0");
            assertThatThrownBy(() -> ProfileOverrides.apply(tfa, Map.of("archFeatures", "0")))
                    .hasMessageContaining("unknown profile field 'archFeatures'").hasMessageContaining("archFeature.<function ID>");
        }
    }

    @Nested
    @DisplayName("with a profile overridden to PSCI 0.2")
    class Psci02Profile {
        private final Profile psci02 = ProfileOverrides.apply(Profiles.qemuBuiltinPsci(), Map.of("psciVersion", "0.2"));

        @Test
        @DisplayName("predicts PSCI_VERSION = 0x00000002 and PSCI_FEATURES = NOT_SUPPORTED (added in 1.0)")
        void psci02() {
            assertThat(psci02.name()).isEqualTo("qemu-builtin-psci+overrides");
            assertX0(predict(psci02, 0x8400_0000L), 0x0000_0002L, PsciRules.VERSION);
            assertX0(predict(psci02, 0x8400_000AL, 0x8400_0000L), NOT_SUPPORTED_32, PsciRules.FEATURES_SINCE_1_0);
        }
    }

    @Nested
    @DisplayName("with FF-A v1.1 present")
    class FfaPresent {
        private final Profile ffa = Profiles.named("tfa-el3-spmc").orElseThrow()
                .withFfaVersion(Optional.of(SpecVersion.of(1, 1)));

        @Test
        @DisplayName("predicts FFA_VERSION = 0x00010001 and records a compatible caller version, not a newer one")
        void ffaVersion() {
            FamilyOutcome outcome = new FirmwareModel(ffa).step(ModelState.freshBoot(), Registers.of(FfaFunction.FFA_VERSION.x0(), 0x0001_0002L));
            FamilyOutcome.Predicted predicted = (FamilyOutcome.Predicted) outcome;
            assertX0(predicted.prediction(), 0x0001_0001L, FfaRules.VERSION);
            ModelState next = predicted.after(Registers.of(0x0001_0001L)).orElseThrow();
            assertThat(next.ffa().orElseThrow().endpoint(EndpointId.HYPERVISOR).version().agreed()).isEmpty();
            ModelState agreed = ((FamilyOutcome.Predicted) new FirmwareModel(ffa).step(ModelState.freshBoot(),
                    Registers.of(FfaFunction.FFA_VERSION.x0(), 0x0001_0000L))).after(Registers.of(0x0001_0001L)).orElseThrow();
            assertThat(agreed.ffa().orElseThrow().endpoint(EndpointId.HYPERVISOR).version().agreed())
                    .contains(SpecVersion.of(1, 0));
        }
    }

    @Test
    @DisplayName("rejects an unknown profile override by name")
    void rejectsUnknownOverride() {
        assertThatThrownBy(() -> ProfileOverrides.apply(Profiles.qemuBuiltinPsci(), Map.of("psciVersoin", "1.0")))
                .hasMessageContaining("unknown profile field 'psciVersoin'");
        assertThatThrownBy(() -> ProfileOverrides.apply(Profiles.qemuBuiltinPsci(), Map.of("psciVersion", "one")))
                .hasMessageContaining("psciVersion: expected MAJOR.MINOR");
    }
}
