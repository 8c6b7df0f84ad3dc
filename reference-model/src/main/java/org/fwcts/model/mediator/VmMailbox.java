package org.fwcts.model.mediator;

/**
 * A VM's RX/TX pair as the mediator holds it (ctx->rx, ctx->tx in ffa_private.h): one 4K page
 * each (FFA_MAX_RXTX_PAGE_COUNT).
 *
 * @param rxFree true when the mediator may write the RX buffer (rx_is_free); false while the guest owns it
 */
public record VmMailbox(long txAddress, long rxAddress, boolean rxFree) {
    public static final int PAGE = 4096;

    public VmMailbox withRxFree(boolean free) {
        return new VmMailbox(txAddress, rxAddress, free);
    }
}
