package org.fwcts.model.rmm;

/**
 * The state of a 4 KiB physical granule as the RMM tracks it (DEN0137 1.0, "Granule lifecycle";
 * TF-RMM {@code lib/granule/include/granule_types.h}). UNDELEGATED is the normal world's.
 */
public enum GranuleState {
    UNDELEGATED, DELEGATED, RD, REC, REC_AUX, DATA, RTT
}
