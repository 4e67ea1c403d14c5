package dev.queuescope.customers.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts and tokens.
 *
 * @param tokenTtl         how long a login's token is valid
 * @param verifiedTokenTtl how long this instance trusts a token it checked, without asking the
 *                         database again (a logout here takes effect at once; on another instance
 *                         of the shop within this time)
 * @param adminEmail       the first admin's email
 * @param adminPassword    the first admin's password; unset or blank: one is generated once and
 *                         written to {@code adminPasswordFile}
 * @param adminPasswordFile where a generated admin password is written (readable by its owner only)
 */
@ConfigurationProperties("queuescope.auth")
public record AuthProperties(
        @DefaultValue("12h") Duration tokenTtl,
        @DefaultValue("30s") Duration verifiedTokenTtl,
        @DefaultValue("admin@localhost") String adminEmail,
        @Nullable String adminPassword,
        @DefaultValue("data/admin-password") Path adminPasswordFile) {
}
