package org.fwcts.model.ffa;

/** Read, write and execute permission of one endpoint on one page, as its stage-2 (or stage-1) mapping grants. */
public record PageAccess(boolean read, boolean write, boolean execute) {
    public static final PageAccess NONE = new PageAccess(false, false, false);
    public static final PageAccess RO = new PageAccess(true, false, false);
    public static final PageAccess RW = new PageAccess(true, true, false);
    public static final PageAccess RX = new PageAccess(true, false, true);
    public static final PageAccess RWX = new PageAccess(true, true, true);

    public boolean any() {
        return read || write || execute;
    }

    @Override
    public String toString() {
        if (!any()) {
            return "none";
        }
        return (read ? "R" : "") + (write ? "W" : "") + (execute ? "X" : "");
    }
}
