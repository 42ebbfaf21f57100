package io.supplygraph.server;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.ApplicationReleases;
import io.supplygraph.analysis.view.Overview;
import io.supplygraph.analysis.view.PortfolioUpgrade;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The answers about the whole portfolio, computed once per revision of the graph and shared by every request until
 * the graph changes: the overview reads every finding (0.3-0.7 s on the 5,000 x 500 store), the fix-first plan every
 * vulnerable version's advisories (7 s and more), while the revision is a few index lookups, and people open these
 * pages far more often than documents arrive. Requests for a revision being computed share that one computation.
 * A page may ask for an answer only if it is ready soon ({@link #fixPlanWithin}), and say "computing" otherwise,
 * rather than hold a person's browser for seconds.
 */
public final class PortfolioAnswers {

    private final GraphAccess graph;
    private final Revisioned<Overview> overviews = new Revisioned<>();
    private final Revisioned<List<PortfolioUpgrade>> plans = new Revisioned<>();
    private final Revisioned<List<ApplicationReleases>> applications = new Revisioned<>();

    public PortfolioAnswers(GraphAccess graph) {
        this.graph = graph;
    }

    public Overview overview() {
        return join(overviews.of(graph, Supplygraph::overview));
    }

    public List<PortfolioUpgrade> fixPlan() {
        return join(plans.of(graph, Supplygraph::fixPortfolio));
    }

    /** The fix-first plan if it is ready within {@code wait}; its computation goes on either way. */
    public Optional<List<PortfolioUpgrade>> fixPlanWithin(Duration wait) {
        return within(plans.of(graph, Supplygraph::fixPortfolio), wait);
    }

    /** Every application with all its releases: it reads the portfolio's findings, as the overview does. */
    public List<ApplicationReleases> applications() {
        return join(applications.of(graph, g -> g.applications(false)));
    }

    /** {@link #applications} if ready within {@code wait}; its computation goes on either way. */
    public Optional<List<ApplicationReleases>> applicationsWithin(Duration wait) {
        return within(applications.of(graph, g -> g.applications(false)), wait);
    }

    private static <T> Optional<T> within(CompletableFuture<T> answer, Duration wait) {
        try {
            return Optional.of(answer.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    private static <T> T join(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** The query's own exception, so that a store failure still answers 503 and a bug 500. */
    private static RuntimeException rethrown(Throwable cause) {
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause.getMessage(), cause);
    }

    /**
     * One answer per revision: the current one, and the one before while a reader's snapshot may still ask for it.
     * A failed computation is not kept: the next request tries again.
     */
    private static final class Revisioned<T> {

        private final AsyncCache<String, T> answers = Caffeine.newBuilder().maximumSize(2).buildAsync();

        CompletableFuture<T> of(GraphAccess graph, Function<Supplygraph, T> query) {
            String revision = graph.read(Supplygraph::revision);
            return answers.get(revision, (key, executor) ->
                    CompletableFuture.supplyAsync(() -> graph.read(query), executor));
        }
    }
}
