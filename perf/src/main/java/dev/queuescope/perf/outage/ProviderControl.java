package dev.queuescope.perf.outage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The payment provider stub's outage control: {@code /outage} on the stub's own port, which the stub binds to
 * loopback. The shop's fault injection lives in its test double, so the kit needs no hook in the shop itself.
 */
public final class ProviderControl {

    private final URI outage;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param stub the stub's base URL, e.g. {@code http://127.0.0.1:8082} */
    public ProviderControl(URI stub) {
        this.outage = stub.resolve("/outage");
    }

    /** Fails unless the control answers; called before the load, so a wrong address costs no run. */
    public void check() throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(outage).GET());
    }

    /** Takes the provider down for {@code seconds}; it comes back by itself. */
    public void outage(int seconds) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(outage + "?seconds=" + seconds))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private void send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("No payment provider outage control at " + outage + " (" + e
                    + "): the shop's built-in provider stub answers there", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("The payment provider outage control at " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
