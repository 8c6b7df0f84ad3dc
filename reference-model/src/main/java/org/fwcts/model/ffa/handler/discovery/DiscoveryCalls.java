package org.fwcts.model.ffa.handler.discovery;

import java.util.Map;
import org.fwcts.model.ffa.spmc.AbiGroup;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaHandler;

/** Discovery and identification: version, features, IDs and partition information. */
public final class DiscoveryCalls implements AbiGroup {

    @Override
    public Map<FfaFunction, FfaHandler> handlers() {
        return Map.of(
                FfaFunction.FFA_VERSION, new VersionHandler(),
                FfaFunction.FFA_FEATURES, new FeaturesHandler(),
                FfaFunction.FFA_ID_GET, IdHandlers::idGet,
                FfaFunction.FFA_SPM_ID_GET, IdHandlers::spmIdGet,
                FfaFunction.FFA_PARTITION_INFO_GET, new PartitionInfoHandler(),
                FfaFunction.FFA_PARTITION_INFO_GET_REGS, new PartitionInfoRegsHandler());
    }
}
