package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** API tokens of the server: kept as hashes, looked up by hash, revoked by name. */
public final class TokenSql {

    /** A token as stored: never the token itself, only its hash. */
    public record TokenRow(String name, String scope, String hash, String createdAt, String revokedAt) {}

    private static final String INSERT = """
            INSERT INTO api_token (name, scope, token_hash, created_at) VALUES (?, ?, ?, ?)
            """;
    private static final String SELECT = "SELECT name, scope, token_hash, created_at, revoked_at FROM api_token";
    private static final String BY_HASH = SELECT + " WHERE token_hash = ?";
    private static final String ALL = SELECT + " ORDER BY name, created_at, id";
    private static final String IN_FORCE_BY_NAME = "SELECT 1 FROM api_token WHERE name = ? AND revoked_at IS NULL";
    private static final String REVOKE = "UPDATE api_token SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL";

    private final Session session;

    public TokenSql(Session session) {
        this.session = session;
    }

    /** Adds a token; false when a token of that name is in force already. */
    public boolean insert(String name, String scope, String hash, String createdAt) {
        try {
            return Transaction.run(session.writer(), c -> {
                try (PreparedStatement exists = c.prepareStatement(IN_FORCE_BY_NAME)) {
                    exists.setString(1, name);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            return false;
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement(INSERT)) {
                    s.setString(1, name);
                    s.setString(2, scope);
                    s.setString(3, hash);
                    s.setString(4, createdAt);
                    s.executeUpdate();
                }
                return true;
            });
        } catch (SQLException e) {
            throw Sql.failure("creating token " + name, e);
        }
    }

    public Optional<TokenRow> byHash(String hash) {
        try (PreparedStatement s = session.connection().prepareStatement(BY_HASH)) {
            s.setString(1, hash);
            List<TokenRow> rows = rows(s);
            return rows.stream().findFirst();
        } catch (SQLException e) {
            throw Sql.failure("looking up a token", e);
        }
    }

    public List<TokenRow> all() {
        try (PreparedStatement s = session.connection().prepareStatement(ALL)) {
            return rows(s);
        } catch (SQLException e) {
            throw Sql.failure("listing tokens", e);
        }
    }

    /** Revokes the token in force under this name; false when there is none. */
    public boolean revoke(String name, String revokedAt) {
        try {
            return Transaction.run(session.writer(), c -> {
                try (PreparedStatement s = c.prepareStatement(REVOKE)) {
                    s.setString(1, revokedAt);
                    s.setString(2, name);
                    return s.executeUpdate() > 0;
                }
            });
        } catch (SQLException e) {
            throw Sql.failure("revoking token " + name, e);
        }
    }

    private static List<TokenRow> rows(PreparedStatement s) throws SQLException {
        List<TokenRow> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new TokenRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
            }
        }
        return rows;
    }
}
