package org.fwcts.targets.descriptor;

/**
 * The FWCTS secure-partition agent a target boots as BL32 (TF-A's EL3 SPMC loads one S-EL1
 * partition from the FIP's TOS_FW entry, its manifest from TOS_FW_CONFIG).
 *
 * @param image the partition image's name in the image manifest
 * @param manifest the partition manifest's (DTB) name in the image manifest
 */
public record PartitionAgentSpec(String image, String manifest) {
}
