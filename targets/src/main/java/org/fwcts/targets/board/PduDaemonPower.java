package org.fwcts.targets.board;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.fwcts.targets.TargetException;

/**
 * One outlet of a power switch behind PDUDaemon, through its HTTP API
 * ({@code GET /power/control/on|off|reboot?hostname=PDU&port=OUTLET}). PDUDaemon queues the
 * request and answers at once, so a successful call means "accepted", not "done"; boot
 * detection waits for the agent instead.
 *
 * @param baseUrl e.g. {@code http://pdu-server:16421}
 * @param pdu the PDU's name in PDUDaemon's configuration
 * @param outlet the outlet number
 * @param rebootDelay the off time of a {@link #cycle()}
 * @param credential {@code user:password} for HTTP Basic, when a proxy in front of PDUDaemon asks for it
 */
record PduDaemonPower(URI baseUrl, String pdu, int outlet, Duration rebootDelay, Optional<Credential> credential)
        implements Power {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    @Override
    public void on() {
        request("on", "");
    }

    @Override
    public void off() {
        request("off", "");
    }

    @Override
    public void cycle() {
        request("reboot", "&delay=" + rebootDelay.toSeconds());
    }

    private void request(String action, String extra) {
        URI uri = baseUrl.resolve("/power/control/" + action + "?hostname=" + URLEncoder.encode(pdu, StandardCharsets.UTF_8)
                + "&port=" + outlet + extra);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
        credential.ifPresent(secret -> request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(secret.value().getBytes(StandardCharsets.UTF_8))));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new TargetException("PDUDaemon at " + baseUrl + " refused power " + action + " of " + pdu + " outlet "
                        + outlet + ": HTTP " + response.statusCode() + " " + response.body().strip());
            }
        } catch (IOException e) {
            throw new TargetException("cannot reach PDUDaemon at " + baseUrl + " (power " + action + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while asking PDUDaemon for power " + action, e);
        }
    }

    @Override
    public String toString() {
        return "PDUDaemon " + baseUrl + " " + pdu + " outlet " + outlet;
    }
}
