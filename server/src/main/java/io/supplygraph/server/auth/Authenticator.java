package io.supplygraph.server.auth;

import io.javalin.http.Context;
import io.supplygraph.analysis.access.Scope;
import io.supplygraph.analysis.access.Tokens.Token;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.api.Endpoint.Access;
import io.supplygraph.server.http.ApiProblem;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the bearer token of each request against what its endpoint needs. Writes always need a write token;
 * reads need a read token unless the server allows anonymous reads. A token that is wrong is 401 even where no
 * token is needed, so that a client learns of its mistake before it matters.
 */
public final class Authenticator {

    /** The request attribute holding the name of the token the request came with. */
    public static final String TOKEN_NAME = "supplygraph.token";

    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"supplygraph\"");

    private final GraphAccess graph;
    private final boolean anonymousRead;

    public Authenticator(GraphAccess graph, boolean anonymousRead) {
        this.graph = graph;
        this.anonymousRead = anonymousRead;
    }

    public void check(Context ctx, Access access) {
        if (access == Access.PUBLIC) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            if (access == Access.READ && anonymousRead) {
                return;
            }
            throw new ApiProblem(401, "Unauthorized", access == Access.WRITE
                    ? "writing needs a token with scope write: send 'Authorization: Bearer <token>'"
                    : "reading needs a token: send 'Authorization: Bearer <token>'", CHALLENGE);
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiProblem(401, "Unauthorized", "the Authorization header must be 'Bearer <token>'", CHALLENGE);
        }
        String secret = header.substring(7).strip();
        Optional<Token> token = graph.read(g -> g.tokens().authenticate(secret));
        if (token.isEmpty()) {
            throw new ApiProblem(401, "Unauthorized", "the token is not known or was revoked", CHALLENGE);
        }
        Scope needed = access == Access.WRITE ? Scope.WRITE : Scope.READ;
        if (!token.get().scope().allows(needed)) {
            throw new ApiProblem(403, "Forbidden", "the token '" + token.get().name() + "' has scope "
                    + token.get().scope().label() + "; this needs scope " + needed.label());
        }
        ctx.attribute(TOKEN_NAME, token.get().name());
    }
}
