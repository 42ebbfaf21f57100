package io.supplygraph.ingest.osv;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.supplygraph.ingest.DocumentReader;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.model.fact.AdvisoryFacts;
import io.supplygraph.model.fact.AdvisoryFacts.Advisory;
import io.supplygraph.model.fact.AdvisoryFacts.Affected;
import io.supplygraph.model.fact.AdvisoryFacts.Kind;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads one OSV record, JSON or YAML (the PyPA advisory database is YAML), into {@link AdvisoryFacts}. A record
 * is whole and small, so it is bound in one go. Entries that name no package are skipped with a warning.
 */
public final class OsvReader implements DocumentReader {

    private static final ObjectReader JSON = ReadLimits.jsonMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readerFor(OsvFile.class);
    private static final ObjectReader YAML = ReadLimits.yamlMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readerFor(OsvFile.class);
    private static final int PEEK = 256;

    /**
     * Reads a record, JSON or YAML: {@code ingest} hands over the JSON the recogniser knows, {@code osv import} YAML
     * as well. YAML is bounded before it is parsed ({@link ReadLimits#MAX_YAML_DOCUMENT} says why).
     */
    @Override
    public AdvisoryFacts read(InputStream in, String name) throws IOException, DocumentRejectedException {
        InputStream peekable = in.markSupported() ? in : new BufferedInputStream(in);
        if (startsJson(peekable)) {
            return facts(bind(JSON, peekable));
        }
        byte[] yaml = peekable.readNBytes(ReadLimits.MAX_YAML_DOCUMENT + 1);
        if (yaml.length > ReadLimits.MAX_YAML_DOCUMENT) {
            throw new DocumentRejectedException(ReadLimits.yamlTooLong());
        }
        return facts(bind(YAML, new ByteArrayInputStream(yaml)));
    }

    public AdvisoryFacts read(byte[] bytes) throws IOException, DocumentRejectedException {
        return read(new ByteArrayInputStream(bytes), null);
    }

    /** Whether the first byte past whitespace and a byte order mark is <code>{</code>. */
    static boolean isJson(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            byte b = head[i];
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != (byte) 0xEF && b != (byte) 0xBB
                    && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    /** {@link #isJson} of what comes next; past {@link #PEEK} bytes of whitespace, YAML, which reads JSON too. */
    private static boolean startsJson(InputStream in) throws IOException {
        byte[] head = new byte[PEEK];
        in.mark(PEEK);
        int length = in.readNBytes(head, 0, PEEK);
        in.reset();
        return isJson(head, length);
    }

    private static OsvFile bind(ObjectReader reader, InputStream in) throws IOException, DocumentRejectedException {
        try {
            OsvFile record = reader.readValue(in);
            if (record == null || record.id() == null || record.id().isBlank() || record.modified() == null) {
                throw new DocumentRejectedException("not an OSV record: it needs an id and a modified time");
            }
            return record;
        } catch (JacksonException e) {
            throw new DocumentRejectedException("not a readable OSV record: " + ReadLimits.reason(e)
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr()), e);
        }
    }

    private static AdvisoryFacts facts(OsvFile record) {
        List<String> warnings = new ArrayList<>();
        List<Affected> affected = new ArrayList<>();
        for (int i = 0; i < record.affected().size(); i++) {
            Optional<Affected> a = PackageKeys.affected(record.affected().get(i).toAffected());
            if (a.isPresent()) {
                affected.add(a.get());
            } else {
                warnings.add("affected[" + i + "] names no package ecosystem and name; skipped");
            }
        }
        String id = record.id().strip();
        LinkedHashSet<String> aliases = new LinkedHashSet<>();
        record.aliases().stream().filter(a -> a != null && !a.isBlank()).map(String::strip).forEach(aliases::add);
        aliases.remove(id);
        Advisory advisory = new Advisory(id, List.copyOf(aliases), record.modified(), record.published(),
                record.withdrawn(), record.summary(), Kind.ofId(id), OsvSeverity.of(record), affected);
        return new AdvisoryFacts(record.schemaVersion(), List.of(advisory), warnings);
    }
}
