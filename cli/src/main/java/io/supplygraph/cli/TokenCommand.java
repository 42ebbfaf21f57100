package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.access.Scope;
import io.supplygraph.analysis.access.Tokens;
import io.supplygraph.cli.output.Output;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = "API tokens of 'supplygraph serve': create one (shown once), list them, revoke one.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {

    /** {@code token create --json}: the one time the token itself is printed. */
    record NewToken(String name, Scope scope, String token) {}

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a token and print it alone on stdout. It is shown this once: only its hash is"
                    + " stored.", "Scope read may query; scope write may also upload and delete."})
    static final class Create extends QueryCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "What the token is for (ci, grafana, alice); shown in the access log.")
        String name;

        @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "read",
                description = "read or write (default ${DEFAULT-VALUE}); write implies read.")
        String scope;

        /** A new server's first step may be its token, before any document: it creates the graph like ingest. */
        @Override
        boolean createsGraph() {
            return true;
        }

        @Override
        int run(Supplygraph graph, PrintWriter out) {
            Tokens.Created created = graph.tokens().create(name, Scope.of(scope));
            if (json) {
                Output.json(out, new NewToken(created.token().name(), created.token().scope(), created.secret()));
            } else {
                out.println(created.secret());
                out.flush();
            }
            note("token '" + name + "' (scope " + created.token().scope().label() + ") created; it is not shown again");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every token: name, scope, when it was created and revoked. Never the tokens themselves.")
    static final class ListTokens extends QueryCommand {
        @Override
        int run(Supplygraph graph, PrintWriter out) {
            print(out, graph.tokens().list(), "name", "scope", "created", "revoked");
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke the token of this name: servers refuse it from the next request on.")
    static final class Revoke extends QueryCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(Supplygraph graph, PrintWriter out) {
            if (!graph.tokens().revoke(name)) {
                throw new IllegalArgumentException("no token named " + name + " is in force");
            }
            out.println("revoked " + name);
            out.flush();
            return 0;
        }
    }
}
