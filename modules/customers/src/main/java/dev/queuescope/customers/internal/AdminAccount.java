package dev.queuescope.customers.internal;

import dev.queuescope.customers.CustomerAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first admin, at start-up. With a configured password ({@code QUEUESCOPE_ADMIN_PASSWORD}) the
 * account is made to match it. Without one, a random password is generated the first time only,
 * written to a file only its owner can read, and the log says where — never the password itself,
 * and there is no default password.
 */
@Component
class AdminAccount implements ApplicationRunner {

    private static final Logger log = LogManager.getLogger(AdminAccount.class);

    private final CustomerAccounts accounts;
    private final AuthProperties properties;

    AdminAccount(CustomerAccounts accounts, AuthProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = properties.adminEmail();
        String configured = properties.adminPassword();
        if (configured != null && !configured.isBlank()) {
            accounts.ensureAdmin(email, configured);
            log.info("Admin account {} uses the configured password", email);
        } else if (!accounts.exists(email)) {
            Path file = properties.adminPasswordFile().toAbsolutePath();
            accounts.ensureAdmin(email, writeGeneratedPassword(file));
            log.warn("Created admin account {}; its generated password is in {} (readable by its owner only)",
                    email, file);
        }
    }

    private static String writeGeneratedPassword(Path file) {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createDirectories(file.getParent());
            // Created with mode 600 before the password is in it, then moved into place whole.
            Path temporary = Files.createTempFile(file.getParent(), ".admin-password", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, password + System.lineSeparator());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the admin password to " + file, e);
        }
    }
}
