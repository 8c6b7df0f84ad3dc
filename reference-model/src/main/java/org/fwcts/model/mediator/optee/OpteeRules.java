package org.fwcts.model.mediator.optee;

import org.fwcts.model.Rule;

/**
 * What Xen's OP-TEE mediator (xen/arch/arm/tee/optee.c, RELEASE-4.17.0 to RELEASE-4.22.0: the guest
 * ABI is the same in all of them) and OP-TEE behind it do with a guest's OP-TEE SMCs. OP-TEE's
 * side cites optee_os core/arch/arm/tee/entry_fast.c, entry_std.c and kernel/thread_optee_smc.c.
 */
public final class OpteeRules {
    public static final String DOC = "Xen OP-TEE mediator (xen/arch/arm/tee/optee.c)";
    public static final String OPTEE = "OP-TEE OS (core/arch/arm)";

    public static final Rule NOT_ATTACHED = new Rule("XEN.OPTEE.NOT_ATTACHED", DOC, "optee_handle_call; vsmc.c",
            "A domain without the OP-TEE mediator (d->arch.tee NULL) gets x0 = -1, SMCCC's unknown function, for every"
                    + " OP-TEE SMC.");
    public static final Rule UNKNOWN = new Rule("XEN.OPTEE.UNKNOWN", DOC, "optee_handle_call default; vsmc.c",
            "An SMC of the Trusted OS/App owners the mediator does not list (GET_THREAD_COUNT, CALL_WITH_RPC_ARG,"
                    + " CALL_WITH_REGD_ARG, VM_CREATED, BOOT_SECONDARY, L2CC_MUTEX, ...) gets x0 = -1.");
    public static final Rule CALLS_COUNT = new Rule("XEN.OPTEE.CALLS_COUNT", DOC, "optee_handle_call",
            "OPTEE_SMC_CALLS_COUNT is answered by Xen itself: OPTEE_MEDIATOR_SMC_COUNT (11) in x0.");
    public static final Rule FORWARDED_FAST = new Rule("XEN.OPTEE.FAST", DOC, "optee_handle_call",
            "CALLS_UID and GET_OS_UUID pass OP-TEE's x0..x3 back, CALLS_REVISION and GET_OS_REVISION x0..x1 only"
                    + " (the build ID in x2 does not reach the guest), each called with the guest's client ID in a7.");
    public static final Rule UID = new Rule("OPTEE.UID", OPTEE, "entry_fast.c tee_entry_get_api_uuid, get_os_uuid",
            "The API UID is OPTEE_MSG_UID 384fb3e0-e7f8-11e3-af63-0002a5d5c51b; the OS UUID 486178e0-e7f8-11e3-"
                    + "bc5e-0002a5d5c51b; the API revision is 2.0 (OPTEE_MSG_REVISION_MAJOR/MINOR).");
    public static final Rule OS_REVISION = new Rule("OPTEE.OS_REVISION", OPTEE, "entry_fast.c tee_entry_get_os_revision",
            "GET_OS_REVISION returns CFG_OPTEE_REVISION_MAJOR/MINOR, a build choice: the same on every call.");
    public static final Rule SHM_CONFIG = new Rule("XEN.OPTEE.SHM_CONFIG", DOC, "optee_handle_call",
            "OPTEE_SMC_GET_SHM_CONFIG is ENOTAVAIL: guests get no static shared memory.");
    public static final Rule CAPABILITIES = new Rule("XEN.OPTEE.CAPABILITIES", DOC, "handle_exchange_capabilities",
            "The guest's capabilities are cut to UNIPROCESSOR; OP-TEE's answer is cut to UNREGISTERED_SHM, DYNAMIC_SHM"
                    + " and MEMREF_NULL (reserved SHM dropped); without DYNAMIC_SHM the guest gets ENOTAVAIL; x2, x3 are"
                    + " not written.");
    public static final Rule SHM_CACHE = new Rule("XEN.OPTEE.SHM_CACHE", DOC, "optee_handle_call; entry_fast.c",
            "ENABLE/DISABLE_SHM_CACHE pass OP-TEE's x0 back (DISABLE with nothing cached: ENOTAVAIL, with a thread"
                    + " busy: EBUSY); a cookie DISABLE returns is the guest's RPC buffer, which Xen unpins.");
    public static final Rule THREAD_LIMIT = new Rule("XEN.OPTEE.THREAD_LIMIT", DOC, "allocate_std_call; handle_std_call",
            "A guest with max_optee_threads standard calls started and not finished (OP-TEE's GET_THREAD_COUNT at boot)"
                    + " gets ETHREAD_LIMIT for another CALL_WITH_ARG; OP-TEE's own thread pool is global, so a call"
                    + " beyond it is ETHREAD_LIMIT from OP-TEE too (thread_optee_smc.c std_smc_entry).");
    public static final Rule ARG_ALIGNMENT = new Rule("XEN.OPTEE.ARG_ALIGNMENT", DOC, "copy_std_request",
            "The command buffer's IPA (x1:x2) must be 4 KiB aligned, else EBADADDR; checked after the thread limit.");
    public static final Rule ARG_MEMORY = new Rule("XEN.OPTEE.ARG_MEMORY", DOC, "copy_std_request",
            "A command buffer Xen cannot read as the guest's RAM (access_guest_memory_by_gpa fails) is EBADADDR.");
    public static final Rule ARG_SIZE = new Rule("XEN.OPTEE.ARG_SIZE", DOC, "handle_std_call",
            "A message declaring more parameters than one 4 KiB page holds gets ret = BAD_PARAMETERS, ret_origin = COMMS"
                    + " written back; x0 is not written, so the guest sees its own function ID.");
    public static final Rule ARG_CMD = new Rule("XEN.OPTEE.ARG_CMD", DOC, "handle_std_call",
            "Only OPEN_SESSION, INVOKE_COMMAND, CLOSE_SESSION, CANCEL, REGISTER_SHM and UNREGISTER_SHM are passed to"
                    + " OP-TEE; another cmd is EBADCMD with the buffer untouched.");
    public static final Rule ARG_TMEM = new Rule("XEN.OPTEE.ARG_TMEM", DOC, "translate_params",
            "A temporary memory reference without OPTEE_MSG_ATTR_NONCONTIG and a non-zero buf_ptr gets ret ="
                    + " BAD_PARAMETERS, ret_origin = COMMS, x0 = OK, and does not reach OP-TEE.");
    public static final Rule SHADOW = new Rule("XEN.OPTEE.SHADOW", DOC, "copy_std_request; copy_std_request_back",
            "OP-TEE works on Xen's copy of the command buffer taken at CALL_WITH_ARG: what the guest writes there later"
                    + " does not reach it; on completion only ret, ret_origin, session and output fields are written back.");
    public static final Rule CLIENT_ID = new Rule("XEN.OPTEE.CLIENT_ID", DOC, "OPTEE_CLIENT_ID; do_call_with_arg",
            "Every call reaches OP-TEE with the guest's client ID, domain ID + 1, in a7: each guest has its own sessions.");
    public static final Rule RPC = new Rule("XEN.OPTEE.RPC", DOC, "handle_rpc_return",
            "An RPC return passes OP-TEE's x0..x3 (function, arguments, thread ID) to the guest and keeps the call,"
                    + " counted against the thread limit, until the guest resumes it.");
    public static final Rule RESUME = new Rule("XEN.OPTEE.RESUME", DOC, "handle_rpc; get_std_call",
            "RETURN_FROM_RPC names the thread in x3; from any vCPU of the guest it resumes the guest's call waiting on"
                    + " that thread; with none waiting (finished, already resumed, another guest's) it is ERESUME.");
    public static final Rule RPC_ALLOC = new Rule("XEN.OPTEE.RPC_ALLOC", DOC, "handle_rpc_func_alloc",
            "Resuming RPC_ALLOC, x1:x2 is the guest's page for OP-TEE's RPC messages, x4:x5 its cookie; Xen pins it"
                    + " and OP-TEE's later RPC_CMD returns that cookie in x1:x2.");
    public static final Rule RPC_CMD_COOKIE = new Rule("XEN.OPTEE.RPC_CMD_COOKIE", DOC, "handle_rpc; handle_rpc_cmd",
            "Resuming RPC_CMD, x1:x2 must be the cookie of one of the guest's RPC buffers; for any other Xen returns"
                    + " without writing x0..x3 and without ending or releasing the call: it stays in flight, counted"
                    + " against the guest's limit, its OP-TEE thread suspended, and no later resume reaches it.");
    public static final Rule OPEN_SESSION = new Rule("OPTEE.OPEN_SESSION", OPTEE, "entry_std.c entry_open_session",
            "OPEN_SESSION to a pseudo TA opens a session (ret 0, session ID chosen by OP-TEE); to a UUID no TA serves,"
                    + " OP-TEE asks the normal world to load it (RPC_CMD LOAD_TA, after RPC_ALLOC of its RPC message"
                    + " buffer) and, refused, ends with ITEM_NOT_FOUND, origin TEE, freeing that buffer (RPC_FREE).");
    public static final Rule SESSION = new Rule("OPTEE.SESSION", OPTEE, "entry_std.c entry_invoke_command, entry_close_session",
            "INVOKE_COMMAND on a session the client does not hold is BAD_PARAMETERS; CLOSE_SESSION of one is"
                    + " ITEM_NOT_FOUND, with parameters BAD_PARAMETERS; origin TEE.");
    public static final Rule DEVICE_PTA = new Rule("OPTEE.DEVICE_PTA", OPTEE, "core/pta/device.c invoke_command",
            "The device enumeration pseudo TA answers an unknown command with NOT_IMPLEMENTED, and GET_DEVICES with"
                    + " parameters other than one memref output with BAD_PARAMETERS, origin TRUSTED_APP.");

    private OpteeRules() {
    }
}
