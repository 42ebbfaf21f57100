package io.supplygraph.analysis.vulns;

import java.util.Set;

/**
 * The one place where a VEX statement will decide a finding's status ({@code not_affected}, {@code fixed},
 * {@code under_investigation}, or {@code affected} confirmed). Until VEX documents are stored, every finding keeps
 * the status matching gave it.
 */
final class VexVerdicts {

    /**
     * @param purl    the package version of the finding
     * @param ids     every id of the vulnerability (advisory ids and aliases), any of which a VEX statement may use
     * @param matched the status matching gave: {@code affected} or {@code unknown}
     */
    String statusOf(String purl, Set<String> ids, String matched) {
        return matched;
    }
}
