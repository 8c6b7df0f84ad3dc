package org.fwcts.model.mediator;

import java.util.List;
import org.fwcts.model.ffa.discovery.PartitionInfoDescriptor;

/** What the mediator learnt from the SPMC at boot (ffa_probe_fw, ffa_partinfo_init). */
public interface SecureSide {

    /** Whether the SPMC answered FFA_FEATURES for {@code functionId} with success (ffa_fw_supports_fid). */
    boolean supports(long functionId);

    /** The SPs as the SPMC listed them to the mediator, 24-byte layout with their UUIDs, in its order. */
    List<PartitionInfoDescriptor> partitions();
}
