package io.supplygraph.model.licence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SPDX licence list and its exceptions, as bundled with this module ({@code licenses.json} and
 * {@code exceptions.json} of spdx/license-list-data, unchanged; their version and licence are in
 * {@code LICENSE-LIST.md} beside them). Ids are looked up in any case, as SPDX asks, and answered in the list's
 * spelling. Read once, on first use.
 */
public final class SpdxLicenceList {

    /** A licence the list holds; the OSI and FSF flags are the list's own (absent counts as false). */
    public record Listed(String id, String name, boolean osiApproved, boolean fsfLibre, boolean deprecated) {}

    private static final class Holder {
        static final SpdxLicenceList LIST = load();
    }

    private final String version;
    private final Map<String, Listed> licences;
    private final Map<String, String> exceptions;

    private SpdxLicenceList(String version, Map<String, Listed> licences, Map<String, String> exceptions) {
        this.version = version;
        this.licences = licences;
        this.exceptions = exceptions;
    }

    public static SpdxLicenceList get() {
        return Holder.LIST;
    }

    /** The list's version, such as {@code 3.28.0}. */
    public String version() {
        return version;
    }

    public Optional<Listed> licence(String id) {
        return Optional.ofNullable(licences.get(id.toLowerCase(Locale.ROOT)));
    }

    /** An exception's id in the list's spelling. */
    public Optional<String> exception(String id) {
        return Optional.ofNullable(exceptions.get(id.toLowerCase(Locale.ROOT)));
    }

    private static SpdxLicenceList load() {
        ObjectMapper json = new ObjectMapper();
        JsonNode licenceList = read(json, "licenses.json");
        JsonNode exceptionList = read(json, "exceptions.json");
        Map<String, Listed> licences = new HashMap<>();
        for (JsonNode l : licenceList.path("licenses")) {
            String id = l.path("licenseId").asText();
            licences.put(id.toLowerCase(Locale.ROOT), new Listed(id, l.path("name").asText(),
                    l.path("isOsiApproved").asBoolean(false), l.path("isFsfLibre").asBoolean(false),
                    l.path("isDeprecatedLicenseId").asBoolean(false)));
        }
        Map<String, String> exceptions = new HashMap<>();
        for (JsonNode e : exceptionList.path("exceptions")) {
            String id = e.path("licenseExceptionId").asText();
            exceptions.put(id.toLowerCase(Locale.ROOT), id);
        }
        return new SpdxLicenceList(licenceList.path("licenseListVersion").asText(), Map.copyOf(licences),
                Map.copyOf(exceptions));
    }

    private static JsonNode read(ObjectMapper json, String resource) {
        try (InputStream in = SpdxLicenceList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled SPDX licence list lacks " + resource);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bundled SPDX licence list's " + resource, e);
        }
    }
}
