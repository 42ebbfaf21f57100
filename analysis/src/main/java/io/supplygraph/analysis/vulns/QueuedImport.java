package io.supplygraph.analysis.vulns;

import java.util.List;

/**
 * An advisory import whose matching is left to re-match jobs: what it stored, and the match keys its advisories
 * name, sorted, which the jobs split among them.
 */
public record QueuedImport(AdvisoryImport imported, List<String> keys) {}
