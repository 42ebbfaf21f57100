package io.supplygraph.analysis.vulns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.model.osv.OsvAffected;
import io.supplygraph.model.osv.OsvRange;
import io.supplygraph.store.sql.AdvisorySql.AffectedRow;
import java.util.List;

/** Stored {@code affected[]} entries, read back as matching evaluates them; remediation reads them the same way. */
public final class StoredEntries {

    private static final ObjectReader ENTRY = ReadLimits.jsonMapper().readerFor(OsvAffected.class);

    private StoredEntries() {}

    /**
     * The stored entry, without its GIT ranges when it has version ranges or a version list too: a commit range
     * cannot decide a version, and the version ranges beside it (PyPA writes both) state the same bounds in
     * versions, so letting the commit range make every version outside "unknown" would hide a clear answer. An
     * entry with GIT ranges alone stays as it is, and its findings are {@code unknown}.
     */
    public static OsvAffected decidable(AffectedRow row) {
        try {
            OsvAffected entry = ENTRY.readValue(row.entry());
            List<OsvRange> versionRanges = entry.ranges().stream()
                    .filter(r -> !isCommitRange(r)).toList();
            boolean decidable = !versionRanges.isEmpty() || !entry.versions().isEmpty();
            return decidable && versionRanges.size() < entry.ranges().size()
                    ? new OsvAffected(entry.pkg(), versionRanges, entry.versions()) : entry;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored OSV entry no longer reads: " + e.getOriginalMessage(), e);
        }
    }

    /** An entry that only commit ranges bound: no version string can be decided against it. */
    public static boolean commitOnly(OsvAffected entry) {
        return !entry.ranges().isEmpty() && entry.versions().isEmpty()
                && entry.ranges().stream().allMatch(StoredEntries::isCommitRange);
    }

    private static boolean isCommitRange(OsvRange range) {
        return "GIT".equalsIgnoreCase(range.type());
    }
}
