package org.fwcts.harness.simulated;

import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.rmm.Realm;
import org.fwcts.model.rmm.RealmCall;
import org.fwcts.model.rmm.Rec;
import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.model.rmm.RmiStatus;
import org.fwcts.model.rmm.RmmState;

/** The named departures of the simulated RMM, each revealed by its own tests. */
final class RmmDeviations {
    static final String KNOWN = "wrong-error-order, delegate-leaves-accessible, ripas-not-applied,"
            + " unprotected-exit-without-top-bit, wrong-rec-exit-reason, measurement-not-extended,"
            + " attest-wrong-token-bound";

    private RmmDeviations() {
    }

    static Optional<Deviation> named(String name) {
        return Optional.ofNullable(switch (name) {
            case "wrong-error-order" -> new WrongErrorOrder();
            case "delegate-leaves-accessible" -> new DelegateLeavesAccessible();
            case "ripas-not-applied" -> new RipasNotApplied();
            case "unprotected-exit-without-top-bit" -> new UnprotectedExitWithoutTopBit();
            case "wrong-rec-exit-reason" -> new WrongRecExitReason();
            case "measurement-not-extended" -> new MeasurementNotExtended();
            case "attest-wrong-token-bound" -> new AttestWrongTokenBound();
            default -> null;
        });
    }

    private static boolean is(Registers call, RmiFunction function) {
        return call.x(0) == function.id();
    }

    /** DATA_CREATE checks the IPA before the realm's state: ERROR_INPUT where DEN0137 orders ERROR_REALM first. */
    record WrongErrorOrder() implements RmmDeviation {
        @Override
        public String name() {
            return "wrong-error-order";
        }

        @Override
        public String description() {
            return "RMI_DATA_CREATE checks the IPA before the realm state (ERROR_INPUT before ERROR_REALM)";
        }

        @Override
        public RmmAnswer apply(Registers call, RmmState before, RmmAnswer conforming) {
            Optional<Realm> realm = before.realm(call.x(1));
            boolean realmError = conforming.registers().x(0) == RmiStatus.ERROR_REALM.packed();
            if (is(call, RmiFunction.RMI_DATA_CREATE) && realmError && realm.isPresent()
                    && !realm.get().protectedIpa(call.x(3))) {
                return new RmmAnswer(Registers.of(RmiStatus.ERROR_INPUT.packed()), before);
            }
            return conforming;
        }
    }

    /** GRANULE_DELEGATE succeeds but the granule stays in the normal world's PAS. */
    record DelegateLeavesAccessible() implements RmmDeviation {
        @Override
        public String name() {
            return "delegate-leaves-accessible";
        }

        @Override
        public String description() {
            return "a delegated granule stays accessible from the normal world";
        }

        @Override
        public RmmAnswer apply(Registers call, RmmState before, RmmAnswer conforming) {
            return conforming;
        }

        @Override
        public boolean leavesDelegatedAccessible() {
            return true;
        }
    }

    /** RTT_INIT_RIPAS reports progress but changes no RIPAS. */
    record RipasNotApplied() implements RmmDeviation {
        @Override
        public String name() {
            return "ripas-not-applied";
        }

        @Override
        public String description() {
            return "RMI_RTT_INIT_RIPAS answers SUCCESS but leaves the RIPAS EMPTY";
        }

        @Override
        public RmmAnswer apply(Registers call, RmmState before, RmmAnswer conforming) {
            if (is(call, RmiFunction.RMI_RTT_INIT_RIPAS) && conforming.registers().x(0) == RmiStatus.SUCCESS.packed()) {
                return new RmmAnswer(conforming.registers(), before);
            }
            return conforming;
        }
    }

    /** A data abort exit at an unprotected IPA reports the IPA without its top bit. */
    record UnprotectedExitWithoutTopBit() implements RmmDeviation {
        @Override
        public String name() {
            return "unprotected-exit-without-top-bit";
        }

        @Override
        public String description() {
            return "an unprotected-IPA data abort exit reports HPFAR without the IPA's top bit";
        }

        @Override
        public RmmAnswer apply(Registers call, RmmState before, RmmAnswer conforming) {
            Registers exit = conforming.registers();
            if (!is(call, RmiFunction.RMI_REC_ENTER) || exit.x(0) != 0 || exit.x(1) != RealmCall.EXIT_SYNC) {
                return conforming;
            }
            Realm realm = before.realm(before.rec(call.x(1)).orElseThrow().rd()).orElseThrow();
            long topBit = 1L << (realm.s2sz() - 1 - 12 + 4);
            return new RmmAnswer(exit.with(4, exit.x(4) & ~topBit), conforming.next());
        }
    }

    /** A RIPAS_CHANGE exit reports the PSCI exit reason. */
    record WrongRecExitReason() implements RmmDeviation {
        private static final int EXIT_PSCI = 3;

        @Override
        public String name() {
            return "wrong-rec-exit-reason";
        }

        @Override
        public String description() {
            return "a RIPAS_CHANGE REC exit reports exit reason PSCI (3)";
        }

        @Override
        public RmmAnswer apply(Registers call, RmmState before, RmmAnswer conforming) {
            Registers exit = conforming.registers();
            if (is(call, RmiFunction.RMI_REC_ENTER) && exit.x(0) == 0 && exit.x(1) == RealmCall.EXIT_RIPAS_CHANGE) {
                return new RmmAnswer(exit.with(1, EXIT_PSCI), conforming.next());
            }
            return conforming;
        }
    }

    /** RSI_MEASUREMENT_EXTEND answers success to the realm but leaves the REM as it was. */
    record MeasurementNotExtended() implements RmmDeviation {
        @Override
        public String name() {
            return "measurement-not-extended";
        }

        @Override
        public String description() {
            return "RSI_MEASUREMENT_EXTEND returns RSI_SUCCESS but the REM keeps its value";
        }

        @Override
        public RmmAnswer apply(Registers call, RmmState before, RmmAnswer conforming) {
            if (!is(call, RmiFunction.RMI_REC_ENTER)) {
                return conforming;
            }
            RmmState next = conforming.next();
            for (Realm realm : next.realms().values()) {
                Optional<Realm> was = before.realm(realm.rd());
                if (was.isPresent() && !was.get().rems().equals(realm.rems())) {
                    java.util.Map<Long, Realm> realms = new java.util.HashMap<>(next.realms());
                    realms.put(realm.rd(), realm.withRemsOf(was.get()));
                    return new RmmAnswer(conforming.registers(), new RmmState(next.granules(), java.util.Map.copyOf(realms),
                            next.recs(), next.tables(), next.active(), next.realmsCreated(), next.operations()));
                }
            }
            return conforming;
        }
    }

    /** RSI_ATTEST_TOKEN_INIT reports an upper bound on the token a quarter of the buffer the RMM copies it from. */
    record AttestWrongTokenBound() implements RmmDeviation {
        @Override
        public String name() {
            return "attest-wrong-token-bound";
        }

        @Override
        public String description() {
            return "RSI_ATTEST_TOKEN_INIT returns a token upper bound of 1024 bytes instead of the buffer's size";
        }

        @Override
        public RmmAnswer apply(Registers call, RmmState before, RmmAnswer conforming) {
            Registers exit = conforming.registers();
            if (!is(call, RmiFunction.RMI_REC_ENTER) || exit.x(0) != 0 || exit.x(1) != RealmCall.EXIT_HOST_CALL) {
                return conforming;
            }
            // INIT is the one call that starts a token: the REC's copied count becomes 0 from anything else.
            java.util.OptionalLong was = before.rec(call.x(1)).map(Rec::tokenCopied).orElse(java.util.OptionalLong.empty());
            java.util.OptionalLong now = conforming.next().rec(call.x(1)).map(Rec::tokenCopied)
                    .orElse(java.util.OptionalLong.empty());
            boolean started = now.equals(java.util.OptionalLong.of(0)) && !was.equals(now);
            return started && exit.x(7) == 0 ? new RmmAnswer(exit.with(8, 1024), conforming.next()) : conforming;
        }
    }
}
