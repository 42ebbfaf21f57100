package io.supplygraph.analysis.view;

import java.util.List;

/**
 * What one advisory says a package's affected versions are, per ecosystem, as OSV records it.
 *
 * @param ranges        each interval of affected versions as people write it ({@code >= 2.0.0-beta9, < 2.15.0}),
 *                      with the range's type where it is not the ecosystem's own order ({@code GIT}, {@code SEMVER})
 * @param fixed         the versions that fix it, in the record's order
 * @param versions      how many versions the record lists explicitly as affected
 */
public record AffectedRange(String advisory, String ecosystem, String name, List<String> ranges,
        List<String> fixed, int versions) {}
