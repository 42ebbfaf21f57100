package io.supplygraph.analysis.remediation.manifest;

import io.supplygraph.analysis.view.FixAction;
import io.supplygraph.analysis.view.Upgrade;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import java.util.List;
import java.util.Optional;

/**
 * One upgrade a manifest should carry: the package (purl type, namespace and name), the version to move to, and
 * whether the application declares it directly.
 *
 * @param via the path from the application to the package, as the plan gives it, for messages
 */
public record Bump(String type, String namespace, String name, String current, String target, boolean direct,
        List<String> via) {

    /** The bump an upgrade plan row asks for, if it asks for one: an upgrade with a target. */
    public static Optional<Bump> of(Upgrade u) {
        if (u.action() != FixAction.UPGRADE || u.target() == null) {
            return Optional.empty();
        }
        try {
            PackageIdentity p = PackageIdentity.fromPurl(u.packagePurl());
            return Optional.of(new Bump(p.type(), p.namespace(), p.name(), u.current(), u.target(), u.direct(),
                    u.via()));
        } catch (InvalidPurlException e) {
            return Optional.empty();
        }
    }

    /** The package as its manifests name it: group:artifact, @scope/name, a Go module path, a PyPI name. */
    public String displayName() {
        return namespace == null ? name : namespace + (type.equals("maven") ? ":" : "/") + name;
    }
}
