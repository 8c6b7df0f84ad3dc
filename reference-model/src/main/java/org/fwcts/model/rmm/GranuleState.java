package org.fwcts.model.rmm;

/**
 * The state of a 4 KiB physical granule as the RMM tracks it (DEN0137 1.0, "Granule lifecycle";
 * TF-RMM {@code lib/granule/include/granule_types.h}). UNDELEGATED is the normal world's. PARTIAL (RMI 2.0,
 * TF-RMM v0.9.0) is a REC granule while a REC_CREATE or REC_DESTROY operation is in progress.
 */
public enum GranuleState {
    UNDELEGATED, DELEGATED, RD, REC, REC_AUX, DATA, RTT, PARTIAL
}
