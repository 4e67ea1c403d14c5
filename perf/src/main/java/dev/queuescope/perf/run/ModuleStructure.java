package dev.queuescope.perf.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The service's application modules as it publishes them (Spring Modulith's {@code /actuator/modulith}
 * on the management port), saved as {@code modules.json} so the analysis can group samples and waits by
 * module without knowing the service's code. A service that publishes none is grouped by package.
 */
final class ModuleStructure {

    private ModuleStructure() {
    }

    /** Writes modules.json when the service answers; false when it publishes no module structure. */
    static boolean save(URI management, Path file) throws InterruptedException {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    management.resolve("/actuator/modulith")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            Files.writeString(file, response.body());
            return true;
        } catch (IOException notPublished) {
            return false;
        }
    }
}
