package dev.queuescope.customers.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.queuescope.customers.internal.TokenRepository.Holder;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Tokens this instance checked recently, so an authenticated request costs a hash and a map
 * lookup, not a database round trip. Only valid tokens are kept; a logout evicts its own.
 */
@Component
public class VerifiedTokens {

    private final Cache<String, Holder> verified;

    VerifiedTokens(AuthProperties properties) {
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(properties.verifiedTokenTtl())
                .maximumSize(100_000)
                .build();
    }

    /** The token's holder from memory, else from {@code lookup} (remembered when found). */
    public Optional<Holder> get(byte[] tokenHash, Instant now, Function<byte[], Optional<Holder>> lookup) {
        String key = HexFormat.of().formatHex(tokenHash);
        Holder holder = verified.getIfPresent(key);
        if (holder == null) {
            holder = lookup.apply(tokenHash).orElse(null);
            if (holder == null) {
                return Optional.empty();
            }
            verified.put(key, holder);
        }
        return holder.expiresAt().isAfter(now) ? Optional.of(holder) : Optional.empty();
    }

    public void forget(byte[] tokenHash) {
        verified.invalidate(HexFormat.of().formatHex(tokenHash));
    }
}
