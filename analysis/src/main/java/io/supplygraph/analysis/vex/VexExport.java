package io.supplygraph.analysis.vex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.documents.Documents;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.FindingStatus;
import io.supplygraph.analysis.view.VexStatement;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.model.fact.AdvisoryFacts;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the graph knows of its findings, as an OpenVEX 0.2.0 document others can consume: one statement per
 * vulnerability, status, justification and statements, naming each application (the product: a document's
 * subject) and the package versions in it (subcomponents). The status is the VEX statement's that decides the
 * finding for that application, else what matching found: {@code affected}, or {@code under_investigation} where
 * the advisory's ranges cannot decide. Malicious packages are left out: they are no vulnerability to triage.
 * Re-ingesting the export gives back the statements it holds (VexExportRoundTripTest).
 */
public final class VexExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphStore store;
    private final Map<String, List<VexStatement>> statementsInForce = new java.util.HashMap<>();

    public VexExport(GraphStore store) {
        this.store = store;
    }

    /** The formats written. */
    public enum Format {
        OPENVEX,
        CYCLONEDX;

        /** A format a user typed, in any case; anything else names the accepted values. */
        public static Format parse(String text) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(text.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown VEX format '" + text + "'; one of openvex, cyclonedx");
        }
    }

    /**
     * The export of one document (by digest), one application (by its subject's purl) or, both null, the
     * portfolio. CycloneDX VEX scopes its analyses to the BOM's one subject, so it is written for one application;
     * for the portfolio it is refused.
     */
    public String export(Format format, String document, String application, Instant timestamp) {
        if (format == Format.CYCLONEDX && document == null && application == null) {
            throw new IllegalArgumentException("CycloneDX VEX speaks for one product (the BOM's subject): give a"
                    + " document or an application, or export the portfolio as OpenVEX");
        }
        Map<Statement, Map<String, Set<String>>> statements = statements(document, application);
        return format == Format.OPENVEX ? OpenVexWriter.write(statements, timestamp)
                : CycloneDxVexWriter.write(statements, timestamp);
    }

    /** Per statement, the products (applications' subjects) it names and, per product, the package versions. */
    private Map<Statement, Map<String, Set<String>>> statements(String document, String application) {
        Map<String, Finding> findings = new TreeMap<>();
        Set<String> scope = new TreeSet<>();
        if (document == null && application == null) {
            new Vulns(store).list(new Vulns.Query(null, null, null, true)).forEach(f -> findings.put(key(f), f));
        } else {
            List<DocumentRow> rows = document != null ? List.of(Documents.row(store, document))
                    : applicationDocuments(application);
            for (DocumentRow row : rows) {
                scope.add(row.digest());
                new Vulns(store).list(new Vulns.Query(row.digest(), null, null, true))
                        .forEach(f -> findings.putIfAbsent(key(f), f));
            }
        }
        Map<Statement, Map<String, Set<String>>> statements = new LinkedHashMap<>();
        for (Finding f : findings.values()) {
            if (f.kind() == AdvisoryFacts.Kind.MALICIOUS) {
                continue;
            }
            for (Finding.Container c : f.documents()) {
                if (!scope.isEmpty() && !scope.contains(c.digest())) {
                    continue;
                }
                statements.computeIfAbsent(statement(f, c), s -> new TreeMap<>())
                        .computeIfAbsent(c.subject() == null ? f.purl() : c.subject(), p -> new TreeSet<>())
                        .add(f.purl());
            }
        }
        return statements;
    }

    private List<DocumentRow> applicationDocuments(String application) {
        List<Long> ids = store.applications().documents(application.strip());
        if (ids.isEmpty()) {
            throw new NotFoundException("no document has the subject " + application);
        }
        Map<Long, DocumentRow> rows = store.documents().byIds(ids);
        return ids.stream().map(rows::get).toList();
    }

    private static String key(Finding f) {
        return f.id() + " " + f.purl();
    }

    /** What one statement says, for all the products and subcomponents it covers; statuses as OpenVEX names them. */
    record Statement(String vulnerability, List<String> aliases, String status, String justification,
            String impact, String action) {}

    private Statement statement(Finding f, Finding.Container c) {
        FindingStatus inDocument = f.statusInDocument(c.digest());
        FindingStatus status = inDocument == FindingStatus.UNKNOWN ? FindingStatus.UNDER_INVESTIGATION : inDocument;
        VexStatement deciding = deciding(f, c, status);
        String justification = deciding == null ? null : deciding.justification();
        String impact = deciding == null ? null : deciding.impactStatement();
        if (status == FindingStatus.NOT_AFFECTED && justification == null && impact == null) {
            // OpenVEX wants one of the two for not_affected: say where the verdict came from
            impact = "not affected, as VEX document " + f.vexDocument() + " states";
        }
        String action = null;
        if (status == FindingStatus.AFFECTED) {
            action = deciding != null && deciding.actionStatement() != null ? deciding.actionStatement()
                    : f.fixed().isEmpty() ? "no fixed version is known" : "upgrade to " + String.join(" or ", f.fixed());
        }
        return new Statement(f.id(), f.aliases(), status.label(), justification, impact, action);
    }

    /**
     * The statement in force that gives this application its status: one scoped to its subject, else one scoped to
     * no product; null where matching alone decided.
     */
    private VexStatement deciding(Finding f, Finding.Container c, FindingStatus status) {
        if (f.vexDocument() == null && f.notAffectedIn().isEmpty()) {
            return null;
        }
        Set<String> ids = new java.util.HashSet<>();
        f.ids().forEach(id -> ids.add(id.toUpperCase(java.util.Locale.ROOT)));
        // statements on the package under any of the vulnerability's ids (a vendor may name the CVE, we the GHSA)
        List<VexStatement> inForce = statementsInForce.computeIfAbsent(key(f),
                k -> new VexStatements(store).inForce(f.purl(), null).stream()
                        .filter(s -> s.ids().stream().anyMatch(ids::contains)).toList());
        VexStatement unscoped = null;
        for (VexStatement s : inForce) {
            if (FindingStatus.of(s.status()) != status) {
                continue;
            }
            if (c.subject() != null && c.subject().equals(s.product())) {
                return s;
            }
            unscoped = s.product() == null ? s : unscoped;
        }
        return unscoped;
    }
}
