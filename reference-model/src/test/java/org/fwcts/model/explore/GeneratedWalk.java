package org.fwcts.model.explore;

import java.util.ArrayList;
import java.util.List;

/** What a generation test's walk drew, and how many of its steps the model predicted or could not. */
public final class GeneratedWalk {
    public final List<Action> actions = new ArrayList<>();
    public int predicted;
    public int unmodelled;
}
