package dev.queuescope.perf.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** An email and a password the service accepts at {@code POST /api/v1/auth/login}. */
public record Credentials(String email, String password) {

    public static final String DEFAULT_ADMIN_EMAIL = "admin@localhost";

    /**
     * The admin of a shop the kit did not start: {@code QUEUESCOPE_ADMIN_EMAIL} and
     * {@code QUEUESCOPE_ADMIN_PASSWORD} as the shop reads them, else the password the shop
     * generated into {@code $QUEUESCOPE_DATA/admin-password}; empty when neither is there (a
     * service that is not the shop, or a scenario that needs no admin).
     */
    public static Optional<Credentials> adminFrom(Map<String, String> environment) throws IOException {
        String email = environment.getOrDefault("QUEUESCOPE_ADMIN_EMAIL", DEFAULT_ADMIN_EMAIL);
        String password = environment.get("QUEUESCOPE_ADMIN_PASSWORD");
        if (password != null && !password.isBlank()) {
            return Optional.of(new Credentials(email, password));
        }
        Path file = Path.of(environment.getOrDefault("QUEUESCOPE_DATA", "data"), "admin-password");
        return Files.isReadable(file) ? Optional.of(new Credentials(email, Files.readString(file).strip()))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return "Credentials[email=" + email + ", password=<hidden>]";
    }
}
