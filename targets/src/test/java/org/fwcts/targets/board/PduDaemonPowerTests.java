package org.fwcts.targets.board;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.fwcts.targets.TargetException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A PDUDaemon power switch that refuses a request")
class PduDaemonPowerTests {
    private static final String SECRET = "lab-user:s3cret-pa55";

    @TempDir
    Path dir;
    private HttpServer server;

    /** A proxy that refuses and echoes the request's headers back, as some do in their error pages. */
    @BeforeEach
    void startEchoingProxy() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            StringBuilder body = new StringBuilder("<html>\u001b[31mForbidden\u0000 outlet busy</html>\n");
            exchange.getRequestHeaders().forEach((name, values) -> body.append(name).append(": ")
                    .append(String.join(",", values)).append('\n'));
            body.append("{\"auth\": \"").append(exchange.getRequestHeaders().getFirst("Authorization")).append("\"}\n");
            body.append("x".repeat(5000));
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(403, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    @DisplayName("is reported by status and a short, cleaned excerpt: no header value, no credential, no control character")
    void errorCarriesNoSecret() throws IOException {
        Path secretFile = Files.writeString(dir.resolve("pdu-auth"), SECRET + "\n");
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        PduDaemonPower power = new PduDaemonPower(new PowerSettings.PduDaemon(url, "rack1", 3, Duration.ZERO,
                Optional.of(new Credential(null, secretFile))));
        String basic = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(power::on).isInstanceOf(TargetException.class)
                .hasMessageStartingWith("PDUDaemon " + url + " rack1 outlet 3 refused power on: HTTP 403: \"<html>\\x1b[31mForbidden\\x00 outlet busy</html>")
                .hasMessageContaining("more characters)").hasMessageContaining("header-like line(s) withheld")
                .message().doesNotContain(SECRET).doesNotContain(basic).doesNotContain("s3cret").doesNotContain("Java-http-client")
                .hasSizeLessThan(400).doesNotContain("\u001b").doesNotContain("\u0000");
    }
}
