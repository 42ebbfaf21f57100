package io.supplygraph.analysis.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.supplygraph.store.sql.TokenSql;
import io.supplygraph.store.sql.TokenSql.TokenRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's API tokens. A token is {@code sg_} and 32 random bytes (base64url); it is shown once, when created,
 * and only its SHA-256 is stored. A fast hash is enough here, unlike for passwords: nobody can guess 256 random
 * bits, so there is nothing for a slow hash to slow down.
 */
public final class Tokens {

    /** A token as listed: never its secret. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Token(String name, Scope scope, String created, String revoked) {}

    /** A token just created: the only moment its secret exists outside the client. */
    public record Created(Token token, String secret) {}

    private static final String PREFIX = "sg_";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenSql tokens;

    public Tokens(TokenSql tokens) {
        this.tokens = tokens;
    }

    public Created create(String name, Scope scope) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a token name is 1 to 64 letters, digits, '.', '_' or '-', not '"
                    + name + "'");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String created = Instant.now().toString();
        if (!tokens.insert(name, scope.label(), hash(secret), created)) {
            throw new IllegalArgumentException("a token named " + name + " exists already; revoke it first");
        }
        return new Created(new Token(name, scope, created, null), secret);
    }

    /** Every token ever created, revoked ones included, by name. */
    public List<Token> list() {
        return tokens.all().stream().map(Tokens::token).toList();
    }

    /** Revokes the token in force under {@code name}; false when there is none. */
    public boolean revoke(String name) {
        return tokens.revoke(name, Instant.now().toString());
    }

    /**
     * The token in force whose secret this is. The lookup is by hash, so how long it takes says nothing about the
     * secret; the final comparison is constant-time all the same, so that no future change of lookup can leak it.
     */
    public Optional<Token> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(secret);
        return tokens.byHash(hash)
                .filter(row -> MessageDigest.isEqual(row.hash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .filter(row -> row.revokedAt() == null)
                .map(Tokens::token);
    }

    private static Token token(TokenRow row) {
        return new Token(row.name(), Scope.of(row.scope()), row.createdAt(), row.revokedAt());
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
