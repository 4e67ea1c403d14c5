package dev.queuescope.customers;

import dev.queuescope.customers.internal.AuthProperties;
import dev.queuescope.customers.internal.CustomerRepository;
import dev.queuescope.customers.internal.TokenDigest;
import dev.queuescope.customers.internal.TokenRepository;
import dev.queuescope.customers.internal.TokenRepository.Holder;
import dev.queuescope.customers.internal.VerifiedTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customers module's API: accounts, logins and the tokens requests carry. */
@Service
public class CustomerAccounts {

    private final CustomerRepository customers;
    private final TokenRepository tokens;
    private final VerifiedTokens verified;
    private final AuthProperties properties;
    private final PasswordEncoder passwords = new BCryptPasswordEncoder();
    private final Clock clock = Clock.systemUTC();
    /** Checked against when the email is unknown, so a login takes as long either way. */
    private volatile String decoyHash;

    CustomerAccounts(CustomerRepository customers, TokenRepository tokens, VerifiedTokens verified,
            AuthProperties properties) {
        this.customers = customers;
        this.tokens = tokens;
        this.verified = verified;
        this.properties = properties;
    }

    /**
     * Registers a customer.
     *
     * @throws CustomerProblem 409 when the email has an account
     */
    public Customer register(String email, String password) {
        if (tooLongForBcrypt(password)) {
            throw CustomerProblem.passwordTooLong();
        }
        return customers.insert(normalised(email), passwords.encode(password), Role.CUSTOMER)
                .orElseThrow(CustomerProblem::emailTaken);
    }

    /**
     * Checks the password (the one slow hash a session costs) and issues a new token.
     *
     * @throws CustomerProblem 401, the same for an unknown email and a wrong password
     */
    public AccessToken login(String email, String password) {
        if (tooLongForBcrypt(password)) {
            throw CustomerProblem.badCredentials();
        }
        var credentials = customers.findByEmail(normalised(email));
        String hash = credentials.map(CustomerRepository.Credentials::passwordHash).orElseGet(this::decoyHash);
        if (!passwords.matches(password, hash) || credentials.isEmpty()) {
            throw CustomerProblem.badCredentials();
        }
        String token = TokenDigest.newToken();
        Instant expiresAt = clock.instant().plus(properties.tokenTtl());
        tokens.insert(TokenDigest.of(token), credentials.get().customer().id(), expiresAt);
        return new AccessToken(token, expiresAt);
    }

    /** Revokes the token; revoking an unknown or revoked one changes nothing. */
    public void logout(String token) {
        byte[] hash = TokenDigest.of(token);
        tokens.revoke(hash, clock.instant());
        verified.forget(hash);
    }

    /** The caller a token stands for, while it is neither expired nor revoked. */
    public Optional<Caller> authenticate(String token) {
        Instant now = clock.instant();
        return verified.get(TokenDigest.of(token), now, hash -> tokens.findValid(hash, now)).map(Holder::caller);
    }

    /**
     * Makes sure {@code email} is an admin whose password is {@code password}: creates the
     * account, or resets the password and role of an existing one.
     */
    @Transactional
    public Customer ensureAdmin(String email, String password) {
        String normalised = normalised(email);
        var existing = customers.findByEmail(normalised);
        if (existing.isEmpty()) {
            return customers.insert(normalised, passwords.encode(password), Role.ADMIN)
                    .orElseThrow(() -> new IllegalStateException("admin " + normalised + " appeared concurrently"));
        }
        Customer admin = existing.get().customer();
        if (admin.role() != Role.ADMIN || !passwords.matches(password, existing.get().passwordHash())) {
            customers.setPasswordAndRole(admin.id(), passwords.encode(password), Role.ADMIN);
        }
        return new Customer(admin.id(), admin.email(), Role.ADMIN, admin.createdAt());
    }

    public boolean exists(String email) {
        return customers.findByEmail(normalised(email)).isPresent();
    }

    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = passwords.encode("decoy password for unknown emails");
        }
        return decoyHash;
    }

    private static boolean tooLongForBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > 72;
    }

    private static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
