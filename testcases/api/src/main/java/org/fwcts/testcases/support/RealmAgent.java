package org.fwcts.testcases.support;

import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.realm.RealmChannel;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.rmm.RealmCall;
import org.fwcts.model.rmm.RsiFunction;

/**
 * The realm agent of one realm, as a test drives it: each command goes through the run's
 * pipeline as the realm's call (carried into the realm by REC_ENTER) and comes back as the REC
 * exit, judged against the model (encoding: {@link RealmCall}).
 */
public final class RealmAgent {
    private final RmmHost host;
    private final RealmChannel channel;
    private final long rd;
    private final long rec;
    private final int s2sz;
    private final int imageGranules;

    RealmAgent(RmmHost host, RealmChannel channel, long rd, long rec, int s2sz, int imageGranules) {
        this.host = host;
        this.channel = channel;
        this.rd = rd;
        this.rec = rec;
        this.s2sz = s2sz;
        this.imageGranules = imageGranules;
    }

    /** How many data granules hold the realm agent's image, from {@link RealmSetup#IMAGE_IPA}. */
    public int imageGranules() {
        return imageGranules;
    }

    public EndpointId endpoint() {
        return channel.endpoint();
    }

    public long rd() {
        return rd;
    }

    public long rec() {
        return rec;
    }

    /** The first unprotected IPA: IPA bit s2sz-1 set. */
    public long unprotectedBase() {
        return 1L << (s2sz - 1);
    }

    /** The realm makes RSI call {@code function} with {@code arguments} in x1... */
    public CallCheck rsi(RsiFunction function, long... arguments) {
        long[] x = new long[2 + arguments.length];
        x[0] = RealmCall.RSI;
        x[1] = function.id();
        System.arraycopy(arguments, 0, x, 2, arguments.length);
        return call(Registers.of(x));
    }

    /** The realm makes an SMC with {@code function} in x0 and {@code arguments} from x1 (a PSCI call, say). */
    public CallCheck smc(long function, long... arguments) {
        long[] x = new long[2 + arguments.length];
        x[0] = RealmCall.RSI;
        x[1] = function;
        System.arraycopy(arguments, 0, x, 2, arguments.length);
        return call(Registers.of(x));
    }

    /** The realm reads {@code length} bytes (at most 160) at {@code ipa}, one by one. */
    public CallCheck read(long ipa, long length) {
        return call(Registers.of(RealmCall.READ, ipa, length));
    }

    /** The realm loads 8 bytes at {@code ipa}. */
    public CallCheck load(long ipa) {
        return call(Registers.of(RealmCall.LOAD64, ipa));
    }

    /** The host writes {@code memory} (a page it shares), then the realm loads 8 bytes at {@code ipa}. */
    public CallCheck load(long ipa, org.fwcts.harness.pipeline.CallMemory memory) {
        return call(Registers.of(RealmCall.LOAD64, ipa), memory);
    }

    /** The realm stores {@code value} at {@code ipa}. */
    public CallCheck store(long ipa, long value) {
        return call(Registers.of(RealmCall.STORE64, ipa, value));
    }

    /** The host enters the REC again with {@code flags} and rec_enter.gprs[0] = {@code value}, no new command. */
    public CallCheck resume(long flags, long value) {
        return call(Registers.of(RealmCall.CONTINUE, value).with(RealmCall.FLAGS, flags));
    }

    private CallCheck call(Registers command) {
        return call(command, org.fwcts.harness.pipeline.CallMemory.NONE);
    }

    private CallCheck call(Registers command, org.fwcts.harness.pipeline.CallMemory memory) {
        Registers withRun = command.with(RealmCall.RUN, channel.run());
        return TestVerdicts.usable(host.firmware().pipeline().call(channel, Conduit.REC_ENTER, withRun, new byte[0],
                memory)).check().orElseThrow();
    }
}
