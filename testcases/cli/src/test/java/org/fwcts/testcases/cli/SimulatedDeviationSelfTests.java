package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FF-A catalogue against the simulated target: it passes on the conforming simulation, and
 * with each injected deviation it fails exactly the tests whose scenario reveals that deviation.
 */
@DisplayName("fwcts run on the simulated FF-A target")
class SimulatedDeviationSelfTests {
    private static final String RETRIEVE = "FF-A memory retrieve, relinquish and reclaim › ";
    private static final String RULES = "FF-A memory permission rules › ";
    private static final String HANDLE_CASES = "FF-A memory: each caller in each state of a transaction › a handle"
            + " operation answers as the caller and the transaction's state decide › ";
    private static final String BUFFER_CASES = "FF-A RX/TX buffers: each caller in each ownership state › a buffer call"
            + " answers as the caller and the buffers' ownership decide › ";
    private static final String NOTIFICATION_CASES = "FF-A notifications: each caller in each bitmap and binding state"
            + " › a notification call answers as the caller and the bitmap's and binding's state decide › ";
    private static final List<String> CALLERS = List.of("the normal world", "the partition");
    private static final List<String> OWNERS = List.of("no RX buffer full",
            "the normal world owns its RX buffer after its partition-info call",
            "the partition owns its RX buffer after its partition-info call");
    private static final List<String> HANDLE_OPERATIONS = List.of("FFA_MEM_RETRIEVE_REQ", "FFA_MEM_RELINQUISH",
            "FFA_MEM_RECLAIM", "a send of the same pages");

    @TempDir
    static Path temp;

    private static JsonNode run(String name, String deviation) throws IOException {
        return run("simulated-tfa", name, deviation);
    }

    private static JsonNode run(String shipped, String name, String deviation) throws IOException {
        return new SimulatedVariants(temp, shipped, "ffa").run(name, deviation);
    }

    private static List<String> named(JsonNode summary, String status) {
        return SimulatedVariants.named(summary, status);
    }

    @Test
    @DisplayName("the conforming simulation passes the whole catalogue, and says it is a simulation")
    void conforming() throws IOException {
        JsonNode summary = run("conforming", null);
        assertThat(named(summary, "FAILED")).isEmpty();
        assertThat(named(summary, "BROKEN")).isEmpty();
        assertThat(summary.get("counts").get("passed").asInt()).isGreaterThanOrEqualTo(150);
        assertThat(summary.get("target").toString()).contains("SIMULATED target, not a conformance result");
        assertThat(summary.get("simulated").asBoolean()).as("summary.json says simulated").isTrue();
        assertThat(Files.readString(temp.resolve("run-conforming/summary.md")))
                .contains("PASS — SIMULATED target, not a conformance result");
    }

    /**
     * Under the hafnium profile the simulation has notifications, so the notification caller × state
     * cases run (on tfa-el3-spmc they are skipped), and a wrong error on one of them fails exactly
     * the cases where the model expects that error.
     */
    @Test
    @DisplayName("the hafnium simulation runs the notification caller × state cases, and catches a wrong BIND error")
    void hafniumNotifications() throws IOException {
        JsonNode conforming = run("simulated-hafnium", "hafnium-conforming", null);
        assertThat(named(conforming, "FAILED")).isEmpty();
        assertThat(named(conforming, "BROKEN")).isEmpty();
        assertThat(named(conforming, "PASSED")).filteredOn(name -> name.startsWith(NOTIFICATION_CASES)).hasSize(56);

        JsonNode deviating = run("simulated-hafnium", "hafnium-bind-denied",
                "wrong-error:FFA_NOTIFICATION_BIND:NOT_SUPPORTED:DENIED");
        List<String> revealing = new ArrayList<>();
        revealing.add(NOTIFICATION_CASES + "FFA_NOTIFICATION_BIND of ID 2 from the peer by the normal world when the"
                + " normal world has no bitmap");
        for (String state : List.of("the normal world has no bitmap", "the bitmap is created, nothing bound",
                "ID 2 is bound from the partition", "ID 2 is bound and pending from the partition")) {
            // The partition agent declares no notification support: its BIND is NOT_SUPPORTED in every state.
            revealing.add(NOTIFICATION_CASES + "FFA_NOTIFICATION_BIND of ID 2 from the peer by the partition when " + state);
        }
        assertThat(named(deviating, "FAILED")).containsExactlyInAnyOrderElementsOf(revealing);
        assertThat(named(deviating, "BROKEN")).isEmpty();
    }

    static Stream<Arguments> deviations() {
        return Stream.of(
                Arguments.of("wrong-error:FFA_RXTX_MAP:DENIED:BUSY", concat(
                        List.of("FF-A RX/TX buffers › maps once with SMC32 where provided, and a second map is DENIED"),
                        // Every caller × ownership case of a second map.
                        OWNERS.stream().flatMap(owner -> CALLERS.stream().map(caller -> BUFFER_CASES
                                + "FFA_RXTX_MAP of the mapped buffers by " + caller + " when " + owner)).toList())),
                Arguments.of("execute-on-not-specified", concat(List.of(
                        RETRIEVE + "send, retrieve (response checked field by field), read by the partition, relinquish,"
                                + " reclaim › LEND RW, retrieved as RW+NX",
                        RETRIEVE + "send, retrieve (response checked field by field), read by the partition, relinquish,"
                                + " reclaim › LEND RO, retrieved as RO+NX",
                        RETRIEVE + "send, retrieve (response checked field by field), read by the partition, relinquish,"
                                + " reclaim › LEND RW, retrieved as RW+X",
                        RETRIEVE + "reclaim while the partition holds the memory is refused; after relinquish it succeeds",
                        RULES + "after RECLAIM the owner has exactly the access it had before the send, never more › LEND",
                        RULES + "LEND/DONATE with instruction access NOT_SPECIFIED: the retrieve response never grants"
                                + " execute › LEND",
                        RULES + "LEND/DONATE with instruction access NOT_SPECIFIED: the borrower cannot execute the"
                                + " region › LEND",
                        // The saved scenario lends a page and checks each retrieve response.
                        "Saved explore scenarios › replays without a divergence › tfa-retrieve-after-unmap-while-full.yaml"),
                        lendRetrievals())),
                Arguments.of("wrong-partition-id", List.of(
                        "FF-A partition identity and reachability › the ID a partition's own FFA_ID_GET gave it at"
                                + " initialisation is the ID it is listed with",
                        "FF-A discovery from a partition › a partition's own discovery call › FFA_ID_GET")),
                Arguments.of("rwx-after-reclaim", List.of(
                        RULES + "after RECLAIM the owner has exactly the access it had before the send, never more › SHARE",
                        RULES + "after RECLAIM the owner has exactly the access it had before the send, never more › LEND")));
    }

    /**
     * The caller × state cases whose set-up or call has the partition retrieve lent memory: its retrieve
     * response is checked, and the deviation grants execute there.
     */
    private static List<String> lendRetrievals() {
        List<String> names = new ArrayList<>();
        names.add(HANDLE_CASES + "FFA_MEM_RETRIEVE_REQ by the partition, sent, not retrieved (LEND)");
        for (String stage : List.of("retrieved by the partition", "retrieved and relinquished", "reclaimed by its owner")) {
            for (String operation : HANDLE_OPERATIONS) {
                for (String caller : CALLERS) {
                    names.add(HANDLE_CASES + operation + " by " + caller + ", " + stage + " (LEND)");
                }
            }
        }
        return names;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviations")
    @DisplayName("each injected deviation fails exactly the tests that reveal it")
    void deviation(String deviation, List<String> revealing) throws IOException {
        JsonNode summary = run("deviation-" + deviation.replace(':', '-'), deviation);
        assertThat(named(summary, "FAILED")).containsExactlyInAnyOrderElementsOf(revealing);
        assertThat(named(summary, "BROKEN")).isEmpty();
        assertThat(summary.get("target").toString()).contains(deviation.startsWith("wrong-error") ? "answers BUSY" : "");
    }
}
