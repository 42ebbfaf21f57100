package io.supplygraph.analysis.vulns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.analysis.view.FindingStatus;
import io.supplygraph.ingest.osv.PackageKeys;
import io.supplygraph.ingest.osv.PackageKeys.VersionKey;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.fact.AdvisoryFacts;
import io.supplygraph.model.fact.Facts;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.model.osv.OsvAffected;
import io.supplygraph.model.osv.OsvEvent;
import io.supplygraph.model.osv.OsvRange;
import io.supplygraph.model.osv.OsvRangeEvaluator;
import io.supplygraph.model.osv.OsvVerdict;
import io.supplygraph.store.FactsListener;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.AdvisorySql.AffectedRow;
import io.supplygraph.store.sql.FindingSql;
import io.supplygraph.store.sql.FindingSql.FindingRow;
import io.supplygraph.store.sql.FindingSql.KeyRow;
import io.supplygraph.store.sql.FindingSql.NewVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Matches package versions against advisories as documents arrive, inside the transaction that stores them, so
 * that the work is always proportional to what is new: a stored SBOM matches only the package versions that
 * matching has never seen (each then gets its match keys recorded), and a stored advisory matches only the
 * package versions under the keys its entries name. Both directions meet on one index, advisory entries and
 * package versions by match key ({@link PackageKeys}); the verdict is {@link OsvRangeEvaluator}'s.
 *
 * <p>An entry that matches by key gives a finding with status {@code affected} when the version lies in its
 * ranges or version list, {@code unknown} when the ranges cannot decide (a GIT-only range, a version the
 * ecosystem's scheme cannot parse), and nothing when the version lies outside. Of several entries of one advisory
 * for the same package (log4j's advisories list one per branch) the first that says affected decides.
 */
public final class VulnMatcher implements FactsListener {

    static final String AFFECTED = FindingStatus.AFFECTED.label();
    static final String UNKNOWN = FindingStatus.UNKNOWN.label();
    /** The key of a package version no advisory can name, recorded so that it is not looked at again. */
    private static final String NO_KEY = "";

    private static final ObjectMapper FIXED = new ObjectMapper();

    /**
     * Versions matched at a time. Matching holds each version's keys, the entries they meet and the findings; a
     * million-component SBOM's all at once were 400 MB.
     */
    static final int PAGE = 10_000;

    /** Documents whose new versions are paged through together: within one IN-list. */
    private static final int DOCUMENTS_AT_A_TIME = 500;

    private final GraphStore store;
    private boolean caughtUp;
    /** How many callers leave advisory matching to the queue's workers now; none: match here. */
    private final AtomicInteger deferring = new AtomicInteger();

    public VulnMatcher(GraphStore store) {
        this.store = store;
    }

    /** An advisory's keys are locked before its entries are written: see {@link FindingSql#lockExclusively}. */
    @Override
    public void beforeWrite(List<Facts> documents) {
        store.findings().lockExclusively(keysOf(documents));
    }

    private static Set<String> keysOf(List<Facts> documents) {
        Set<String> keys = new TreeSet<>();
        for (Facts facts : documents) {
            if (facts instanceof AdvisoryFacts advisories) {
                advisories.advisories().forEach(a -> a.affected().forEach(e -> keys.add(e.key())));
            }
        }
        return keys;
    }

    /**
     * From now until as many {@link #matchHere} calls, advisories are stored without matching, and the match keys they
     * name wait in the graph for re-match jobs ({@code rematch_pending}), written in the transaction that stores the
     * advisories: a process killed before it publishes the jobs leaves the keys for the next one to publish.
     */
    public void deferToQueue() {
        deferring.incrementAndGet();
    }

    public void matchHere() {
        deferring.decrementAndGet();
    }

    /**
     * Matches every stored package version under these keys against every advisory entry under them, as storing
     * those advisories would have: a re-match job's work, with the same findings however often it runs. Versions
     * matching has never seen are matched first, so that none is missed for want of its keys. The keys then stop
     * waiting for {@code job} (null: for no job), in the same transaction.
     *
     * <p>The entries are committed before their job is published, so every key is locked shared, as an SBOM's
     * matching locks them: exclusive locks taken here, before or after those, could deadlock two re-match jobs.
     */
    public void rematch(Collection<String> keys, String job) {
        store.findings().lockEveryKeyShared();
        rematchLocked(keys, job);
    }

    /** {@link #rematch}'s work once every key is locked shared. */
    private void rematchLocked(Collection<String> keys, String job) {
        catchUp();
        matchEntries(store.advisories().affectedByKeys(keys));
        store.rematches().settle(keys, job);
    }

    /**
     * Matches up to {@code limit} keys that wait without a job, as a job would, and settles them: what an importer
     * does itself when the queue does not take its jobs. Their rows are locked after every key is (as jobs lock),
     * and skipped when another transaction holds them. The keys matched; none when none waits.
     */
    public List<String> rematchUnpublished(int limit) {
        store.findings().lockEveryKeyShared();
        List<String> keys = store.rematches().takeUnpublished(limit);
        if (!keys.isEmpty()) {
            rematchLocked(keys, null);
        }
        return keys;
    }

    @Override
    public void stored(List<StoredDocument> documents) {
        List<Long> sboms = new ArrayList<>();
        List<Long> advisories = new ArrayList<>();
        for (StoredDocument d : documents) {
            if (d.facts() instanceof SbomFacts) {
                sboms.add(d.id());
            } else if (d.facts() instanceof AdvisoryFacts) {
                advisories.add(d.id());
            }
        }
        // A batch is at most a few hundred documents; a larger list is matched in groups, each in ascending order.
        for (int from = 0; from < sboms.size(); from += DOCUMENTS_AT_A_TIME) {
            List<Long> group = sboms.subList(from, Math.min(sboms.size(), from + DOCUMENTS_AT_A_TIME));
            matchPages((after, limit) -> store.findings().unseenIn(group, after, limit));
        }
        if (!advisories.isEmpty() && deferring.get() > 0) {
            store.rematches().markPending(keysOf(documents.stream().map(StoredDocument::facts).toList()),
                    Instant.now().toString());
        } else if (!advisories.isEmpty()) {
            catchUp();
            matchEntries(store.advisories().affectedOfDocuments(advisories));
        }
    }

    /** The catch-up's writes were rolled back with the transaction: it runs again at the next advisory. */
    @Override
    public void rolledBack() {
        caughtUp = false;
    }

    /**
     * Matches the versions stored before matching ran in this store (a graph from an older release, or versions
     * that arrived by another kind of document); once per process, at the first advisory.
     */
    private void catchUp() {
        if (!caughtUp) {
            matchPages(store.findings()::unseen);
            caughtUp = true;
        }
    }

    /** A keyset page of versions not matched yet: up to {@code limit} with ids above {@code after}. */
    private interface Unseen {
        List<NewVersion> page(long after, int limit);
    }

    /**
     * Matches the versions a page at a time, in ascending id order across the whole transaction, after locking every
     * match key shared ({@link FindingSql#lockEveryKeyShared}): concurrent writers then record match keys and findings in
     * one order, and wait for each other instead of deadlocking.
     */
    private void matchPages(Unseen unseen) {
        store.findings().lockEveryKeyShared();
        List<NewVersion> page;
        long after = 0;
        do {
            page = unseen.page(after, PAGE);
            matchVersions(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
    }

    private void matchVersions(List<NewVersion> versions) {
        if (versions.isEmpty()) {
            return;
        }
        List<KeyRow> keys = new ArrayList<>(versions.size());
        for (NewVersion v : versions) {
            List<VersionKey> found = keysOf(v.purl());
            if (found.isEmpty()) {
                keys.add(new KeyRow(v.id(), NO_KEY, null, null));
            }
            for (VersionKey k : found) {
                keys.add(new KeyRow(v.id(), k.key(), k.release(), k.version()));
            }
        }
        store.findings().forgetFindingsOf(versions.stream().map(NewVersion::id).toList());
        store.findings().insertKeys(keys);
        List<KeyRow> matchable = keys.stream().filter(k -> !k.key().equals(NO_KEY)).toList();
        Set<String> distinct = new LinkedHashSet<>();
        matchable.forEach(k -> distinct.add(k.key()));
        if (!distinct.isEmpty()) {
            write(matchable, store.advisories().affectedByKeys(distinct));
        }
    }

    private void matchEntries(List<AffectedRow> entries) {
        Set<String> distinct = new LinkedHashSet<>();
        entries.forEach(e -> distinct.add(e.key()));
        if (!distinct.isEmpty()) {
            write(store.findings().versionsWithKeys(distinct), entries);
        }
    }

    private static List<VersionKey> keysOf(String purl) {
        try {
            return PackageKeys.of(PackageIdentity.fromPurl(purl));
        } catch (InvalidPurlException e) {
            return List.of();
        }
    }

    /** Evaluates every (version, entry) pair that shares a key and a release, and writes the findings. */
    private void write(List<KeyRow> versions, List<AffectedRow> entries) {
        Map<String, List<AffectedRow>> entriesByKey = new HashMap<>();
        entries.forEach(e -> entriesByKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
        Map<AffectedRow, OsvAffected> parsed = new HashMap<>();
        Map<List<Long>, FindingRow> findings = new LinkedHashMap<>();
        for (KeyRow v : versions) {
            for (AffectedRow e : entriesByKey.getOrDefault(v.key(), List.of())) {
                if (!PackageKeys.sameRelease(e.key(), e.release(), v.release())) {
                    continue;
                }
                OsvAffected entry = parsed.computeIfAbsent(e, StoredEntries::decidable);
                OsvVerdict verdict = OsvRangeEvaluator.forAffected(entry).evaluate(entry, v.versionText());
                if (verdict.verdict() == OsvVerdict.Verdict.NOT_AFFECTED) {
                    continue;
                }
                String status = verdict.verdict() == OsvVerdict.Verdict.AFFECTED ? AFFECTED : UNKNOWN;
                FindingRow f = new FindingRow(v.version(), e.advisory(), status, verdict.decidedBy(), fixed(entry));
                findings.merge(List.of(v.version(), e.advisory()), f,
                        (old, candidate) -> old.status().equals(AFFECTED) ? old : candidate);
            }
        }
        store.findings().upsert(new ArrayList<>(findings.values()));
    }

    /** The entry's fixed versions, as a JSON array: what to upgrade to. */
    private static String fixed(OsvAffected entry) {
        List<String> fixed = new ArrayList<>();
        for (OsvRange r : entry.ranges()) {
            for (OsvEvent e : r.events()) {
                if (e.fixed() != null && !fixed.contains(e.fixed())) {
                    fixed.add(e.fixed());
                }
            }
        }
        try {
            return FIXED.writeValueAsString(fixed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
