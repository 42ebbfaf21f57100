package io.supplygraph.analysis.policy;

import io.supplygraph.analysis.provenance.SlsaLevel;
import io.supplygraph.analysis.view.Build;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.Scorecard;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import io.supplygraph.model.Trust;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the {@link Variable}s, as CEL reads them: maps of strings, booleans, doubles, lists and maps.
 * Absent values are left out of their map ({@code has()} tests for them), so an empty map stands for "nothing known"
 * (no provenance, no scorecard).
 */
final class Bindings {

    private Bindings() {}

    static Map<String, Object> document(DocumentRow d) {
        Map<String, Object> m = new HashMap<>();
        m.put("digest", d.digest());
        m.put("format", d.format());
        put(m, "subject", d.subjectPurl());
        m.put("trust", d.trust().state().label());
        put(m, "signer", d.trust().signer());
        return m;
    }

    /** The build of the application's subject: a verified one first, then an L3 one; empty without provenance. */
    static Map<String, Object> provenance(List<Build> builds) {
        Map<String, Object> m = new HashMap<>();
        builds.stream().min(Comparator.comparing((Build b) -> b.trust() != Trust.State.VERIFIED)
                        .thenComparing(b -> b.level() != SlsaLevel.L3))
                .ifPresent(b -> {
                    put(m, "builder", b.builder());
                    m.put("slsa_level", b.level().label());
                    put(m, "source", b.source());
                    m.put("trust", b.trust().label());
                });
        return m;
    }

    /**
     * @param licences the licence expressions the document states for it, declared and concluded, as written
     *                 (NOASSERTION left out)
     */
    static Map<String, Object> pkg(VersionRow v, boolean direct, List<String> licences) {
        Map<String, Object> m = new HashMap<>();
        m.put("purl", v.purl());
        m.put("type", type(v.purl()));
        m.put("name", v.name());
        put(m, "version", v.version());
        m.put("licences", licences);
        m.put("direct", direct);
        return m;
    }

    /** A package the document does not list itself (a finding in an SBOM nested in it): its purl says what it is. */
    static Map<String, Object> pkg(String purl) {
        Map<String, Object> m = new HashMap<>();
        m.put("purl", purl);
        m.put("type", type(purl));
        String bare = purl.split("[?#]", 2)[0];
        int at = bare.lastIndexOf('@');
        String base = at < 0 ? bare : bare.substring(0, at);
        m.put("name", base.substring(base.lastIndexOf('/') + 1));
        if (at >= 0) {
            m.put("version", bare.substring(at + 1));
        }
        m.put("licences", List.of());
        m.put("direct", false);
        return m;
    }

    static Map<String, Object> scorecard(Scorecard card) {
        Map<String, Object> m = new HashMap<>();
        if (card != null) {
            m.put("repository", card.repository());
            m.put("score", card.score());
            Map<String, Long> checks = new HashMap<>();
            card.checks().forEach(c -> checks.put(c.name(), (long) c.score()));
            m.put("checks", checks);
        }
        return m;
    }

    static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", f.id());
        m.put("aliases", f.aliases());
        m.put("severity", f.severity().label());
        put(m, "score", f.score());
        m.put("fixed", f.fixed());
        m.put("status", f.status().label());
        m.put("kind", f.kind().label());
        m.put("kev", f.kev() != null);
        if (f.epss() != null) {
            m.put("epss", f.epss().probability());
        }
        return m;
    }

    private static String type(String purl) {
        int slash = purl.indexOf('/');
        return slash < 0 ? "" : purl.substring("pkg:".length(), slash);
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
