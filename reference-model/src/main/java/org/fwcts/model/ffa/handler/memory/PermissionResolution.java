package org.fwcts.model.ffa.handler.memory;

import java.util.Optional;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.DataAccess;
import org.fwcts.model.ffa.memory.InstructionAccess;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.memory.MemoryRules;
import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.ffa.memory.RetrieveRules;
import org.fwcts.model.ffa.memory.TransactionType;

/**
 * How a retrieve resolves the permissions a borrower gets from those the sender offered and those it
 * asks for (ffa-memory.md §4, DEN0077A v1.2 "Memory access permissions", as Hafnium's
 * ffa_memory_retrieve_is_memory_access_valid implements it since commit dcad899f), and what page
 * access a grant means.
 */
public final class PermissionResolution {

    /** The permissions granted, or why the request is refused. */
    record Resolution(Optional<AccessPermissions> granted, Optional<Refusal> refusal) {
        static Resolution granted(DataAccess data, InstructionAccess instruction) {
            return new Resolution(Optional.of(AccessPermissions.of(data, instruction)), Optional.empty());
        }

        static Resolution refused(Refusal refusal) {
            return new Resolution(Optional.empty(), Optional.of(refusal));
        }
    }

    private PermissionResolution() {
    }

    /**
     * Resolves {@code requested} against {@code sent} for a {@code type} transaction.
     *
     * @param multipleBorrowers whether the transaction has more than one borrower
     * @param normalWorldMemory whether the pages belong to the normal world
     * @param executeOnNormalWorldMemory the profile's {@link MemoryChoices#executeOnNormalWorldMemory()}
     */
    static Resolution resolve(TransactionType type, boolean multipleBorrowers, AccessPermissions sent,
            AccessPermissions requested, boolean normalWorldMemory, boolean executeOnNormalWorldMemory) {
        Optional<DataAccess> data = data(sent.data(), requested.data());
        if (data.isEmpty()) {
            return Resolution.refused(new Refusal(FfaError.DENIED, RetrieveRules.DATA_ACCESS,
                    "asked for " + requested.data() + " data access but the sender offered " + sent.data()));
        }
        InstructionAccess asked = requested.instruction();
        boolean mustLeaveUnspecified = type == TransactionType.SHARE || multipleBorrowers;
        if (mustLeaveUnspecified && asked != InstructionAccess.NOT_SPECIFIED) {
            return invalid(RetrieveRules.INSTRUCTION_ACCESS, "a " + type + (multipleBorrowers ? " to several borrowers" : "")
                    + " retriever must leave instruction access unspecified, not " + asked);
        }
        if (!mustLeaveUnspecified && asked == InstructionAccess.NOT_SPECIFIED) {
            return invalid(RetrieveRules.INSTRUCTION_ACCESS,
                    "a single-borrower " + type + " retriever must ask for X or NX");
        }
        if (asked == InstructionAccess.X && normalWorldMemory && !executeOnNormalWorldMemory) {
            return invalid(RetrieveRules.EXECUTE_NORMAL_WORLD, "X asked for normal-world memory");
        }
        if (asked == InstructionAccess.RESERVED || asked == InstructionAccess.X && sent.instruction() == InstructionAccess.NX) {
            return Resolution.refused(new Refusal(FfaError.DENIED, RetrieveRules.INSTRUCTION_ACCESS,
                    "asked for instruction access " + asked + " but the sender offered " + sent.instruction()));
        }
        return Resolution.granted(data.get(), asked == InstructionAccess.X ? InstructionAccess.X : InstructionAccess.NX);
    }

    /** The data access granted: the request when no more than the offer, the offer when none is asked. */
    private static Optional<DataAccess> data(DataAccess sent, DataAccess requested) {
        boolean sentWrite = sent == DataAccess.RW || sent == DataAccess.NOT_SPECIFIED;
        if (requested == DataAccess.RO) {
            return Optional.of(DataAccess.RO);
        }
        if (requested == DataAccess.RW || requested == DataAccess.NOT_SPECIFIED) {
            return sentWrite ? Optional.of(DataAccess.RW)
                    : requested == DataAccess.NOT_SPECIFIED ? Optional.of(DataAccess.RO) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The page access a grant gives. Execute only for an explicit X: an unspecified instruction
     * access never makes memory executable ({@link MemoryRules#NOT_SPECIFIED_NEVER_EXECUTABLE}).
     * Unspecified data access, which a relayer that does not resolve permissions passes on, reads as RW,
     * as DEN0077A resolves it for DONATE.
     */
    public static PageAccess pageAccess(AccessPermissions granted) {
        DataAccess data = granted.data();
        boolean write = data == DataAccess.RW || data == DataAccess.NOT_SPECIFIED;
        boolean read = write || data == DataAccess.RO;
        return new PageAccess(read, write, read && granted.instruction() == InstructionAccess.X);
    }

    private static Resolution invalid(org.fwcts.model.Rule rule, String why) {
        return Resolution.refused(new Refusal(FfaError.INVALID_PARAMETERS, rule, why));
    }
}
