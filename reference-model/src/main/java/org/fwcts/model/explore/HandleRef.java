package org.fwcts.model.explore;

import java.util.List;

/**
 * A memory handle named by where it comes from rather than by its value, which the target
 * chooses: {@code open:K} (the K-th complete transaction), {@code sending:K} (the K-th send waiting
 * for fragments), {@code stale:K} (a handle this boot gave out that is no longer in use),
 * {@code bogus} (a value no SPMC gave out). A reference with nothing to name falls back along
 * open, stale, bogus, so every action stays a call the model predicts.
 */
public final class HandleRef {
    /** A handle value no SPMC of the profiles allocates (TF-A and Hafnium count up from small numbers). */
    public static final long BOGUS = 0x5A5A_0000_0000_7E57L;

    private HandleRef() {
    }

    public static String open(int index) {
        return "open:" + index;
    }

    public static String sending(int index) {
        return "sending:" + index;
    }

    public static String stale(int index) {
        return "stale:" + index;
    }

    public static final String BOGUS_REF = "bogus";

    /** The handle {@code ref} names in {@code context}. */
    public static long resolve(String ref, ExploreContext context) {
        String[] parts = ref.split(":", 2);
        int index = parts.length == 2 ? parse(ref, parts[1]) : 0;
        switch (parts[0]) {
            case "open":
                return pick(context.openHandles(), index).orElseGet(() -> stale(context, index));
            case "sending":
                return pick(context.sendingHandles(), index)
                        .orElseGet(() -> pick(context.openHandles(), index).orElseGet(() -> stale(context, index)));
            case "stale":
                return stale(context, index);
            case "bogus":
                return BOGUS;
            default:
                throw new IllegalArgumentException("handle: '" + ref + "' is not open:K, sending:K, stale:K or bogus");
        }
    }

    private static long stale(ExploreContext context, int index) {
        List<Long> stale = context.handlesSeen().stream().filter(h -> !context.state().memory().inUse(h)).toList();
        return pick(stale, index).orElse(BOGUS);
    }

    private static java.util.Optional<Long> pick(List<Long> handles, int index) {
        return handles.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(handles.get(index % handles.size()));
    }

    private static int parse(String ref, String number) {
        try {
            int value = Integer.parseInt(number);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("handle: '" + ref + "' has no index (0 or more) after the colon", e);
        }
    }
}
