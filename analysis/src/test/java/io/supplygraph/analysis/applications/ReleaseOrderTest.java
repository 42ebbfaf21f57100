package io.supplygraph.analysis.applications;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.store.sql.ApplicationSql.ReleaseRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one order of an application's releases that both {@code --latest} and the applications list go by. */
class ReleaseOrderTest {

    private static ReleaseRow row(long document, String application, String release, String ingestedAt) {
        return new ReleaseRow(document, "sha256:" + document, application, release, null, null, ingestedAt);
    }

    @Test
    void versionsTheEcosystemReadsAreOrderedByItsOrderNotByWhenTheyCame() {
        List<ReleaseRow> rows = List.of(row(1, "pkg:npm/app", "1.10.0", "2026-01-01T00:00:00Z"),
                row(2, "pkg:npm/app", "1.9.0", "2026-01-02T00:00:00Z"),
                row(3, "pkg:npm/app", "1.2.0", "2026-01-03T00:00:00Z"));

        assertThat(Releases.oldestFirst("pkg:npm/app", rows)).containsExactly("1.2.0", "1.9.0", "1.10.0");
        assertThat(Releases.newest("pkg:npm/app", rows)).isEqualTo("1.10.0");
    }

    /**
     * One version npm cannot read puts every release of the application in ingest order, all the way down the list:
     * not ingest order for the newest and version order for the rest.
     */
    @Test
    void oneUnreadableVersionOrdersEveryReleaseByItsLastDocument() {
        List<ReleaseRow> rows = List.of(row(1, "pkg:npm/app", "1.10.0", "2026-01-01T00:00:00Z"),
                row(2, "pkg:npm/app", "1.9.0", "2026-01-02T00:00:00Z"),
                row(3, "pkg:npm/app", "nightly", "2026-01-03T00:00:00Z"),
                row(4, "pkg:npm/app", "1.2.0", "2026-01-04T00:00:00Z"),
                row(5, "pkg:npm/app", "1.10.0", "2026-01-05T00:00:00Z"));

        assertThat(Releases.oldestFirst("pkg:npm/app", rows)).containsExactly("1.9.0", "nightly", "1.2.0", "1.10.0");
        assertThat(Releases.newest("pkg:npm/app", rows)).isEqualTo("1.10.0");
    }

    @Test
    void aNamedApplicationIsInIngestOrderAndTiesGoByDocument() {
        List<ReleaseRow> rows = List.of(row(7, "payments", "b", "2026-01-01T00:00:00Z"),
                row(3, "payments", "a", "2026-01-01T00:00:00Z"));

        assertThat(Releases.oldestFirst("payments", rows)).containsExactly("a", "b");
        assertThat(Releases.oldestFirst("payments", List.of())).isEmpty();
        assertThat(Releases.newest("payments", List.of())).isNull();
    }
}
