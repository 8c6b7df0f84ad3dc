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
import java.util.ArrayList;
import java.util.List;
import org.fwcts.targets.TargetException;

/**
 * One outlet of a power switch behind PDUDaemon, through its HTTP API
 * ({@code GET /power/control/on|off|reboot?hostname=PDU&port=OUTLET}). PDUDaemon queues the
 * request and answers at once, so a successful call means "accepted", not "done"; boot
 * detection waits for the agent instead. A refusal is reported by status and a short, cleaned
 * excerpt of the reply: a PDU or proxy may echo the request's headers, credential included.
 */
final class PduDaemonPower implements Power {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final PowerSettings.PduDaemon settings;

    PduDaemonPower(PowerSettings.PduDaemon settings) {
        this.settings = settings;
    }

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
        request("reboot", "&delay=" + settings.rebootDelay().toSeconds());
    }

    private void request(String action, String extra) {
        URI uri = settings.baseUrl().resolve("/power/control/" + action + "?hostname="
                + URLEncoder.encode(settings.pdu(), StandardCharsets.UTF_8) + "&port=" + settings.outlet() + extra);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
        List<String> secrets = new ArrayList<>();
        settings.credential().ifPresent(credential -> {
            String secret = credential.value();
            String basic = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
            secrets.addAll(List.of(secret, basic));
            request.header("Authorization", "Basic " + basic);
        });
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new TargetException(this + " refused power " + action + ": HTTP " + response.statusCode()
                        + ReplyExcerpt.of(response.body(), secrets));
            }
        } catch (IOException e) {
            throw new TargetException("cannot reach " + this + " (power " + action + "): "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while asking PDUDaemon for power " + action, e);
        }
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
