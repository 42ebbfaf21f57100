package io.supplygraph.ingest.spdx;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.sbom.SbomSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * The Jackson streaming set-up the SPDX JSON parsers and the in-toto and Scorecard readers share: the
 * {@link ReadLimits}, which make hostile input fail fast (a document of 100,000 nested arrays stops at depth
 * 200 instead of exhausting the stack or the heap), and Jackson's errors turned into reasons with line and column.
 */
public final class JsonInput {

    /** Thread-safe once configured, so one factory serves every parse. */
    private static final JsonFactory FACTORY = ReadLimits.json()
            // the caller opened the stream and closes it
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    /** Reads the object the parser stands on, up to and including its end. */
    @FunctionalInterface
    public interface ObjectReader {
        void read(JsonParser p) throws IOException;
    }

    /** Reads the fields of a document's root object, the parser standing on its start. */
    @FunctionalInterface
    public interface RootReader {
        void read(JsonParser p) throws IOException, DocumentRejectedException;
    }

    private JsonInput() {}

    /**
     * Reads one JSON document whose root must be an object ({@code what} names the expected format in the
     * rejection), turning Jackson's errors into rejections and reporting content after the root.
     */
    public static void read(InputStream in, SbomSink sink, String what, RootReader reader)
            throws IOException, DocumentRejectedException {
        read(in, sink::warning, what, reader);
    }

    /** As {@link #read(InputStream, SbomSink, String, RootReader)}, for documents that are not SBOMs. */
    public static void read(InputStream in, Consumer<String> warnings, String what, RootReader reader)
            throws IOException, DocumentRejectedException {
        try (JsonParser p = FACTORY.createParser(in)) {
            try {
                enterRootObject(p, what);
                reader.read(p);
                ignoreTrailingContent(p, warnings);
            } catch (JsonProcessingException e) {
                throw rejected(e, p);
            }
        }
    }

    private static void enterRootObject(JsonParser p, String what) throws IOException, DocumentRejectedException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new DocumentRejectedException("empty document: expected " + what);
        }
        if (first != JsonToken.START_OBJECT) {
            throw new DocumentRejectedException("not " + what + ": the JSON document is " + describe(first)
                    + ", not an object");
        }
    }

    /** The reason a user can act on, with where in the file Jackson stopped. */
    private static DocumentRejectedException rejected(JsonProcessingException e, JsonParser p) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        String where = " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String reason = e instanceof JsonEOFException
                ? "truncated JSON: the input ends" + where + " inside an unfinished value"
                : ReadLimits.jsonFailure(e, where);
        return new DocumentRejectedException(reason, e);
    }

    /**
     * The current value as text when it is a scalar (numbers and booleans as written, so that a version
     * 1.0 written as a number is kept); a structure where a scalar belongs is skipped and gives null.
     */
    public static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    /**
     * Gives each object of the array the parser stands on to {@code reader}; anything else in the array,
     * or a value that is not an array, is reported and skipped. A null counts as an empty array.
     */
    public static void forEachObject(JsonParser p, String field, SbomSink sink, ObjectReader reader)
            throws IOException {
        if (!isArray(p, field, sink)) {
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                reader.read(p);
            } else {
                sink.warning("an entry of " + field + " is not an object (skipped) at line "
                        + p.currentLocation().getLineNr());
                p.skipChildren();
            }
        }
    }

    /** True when the parser stands on an array; otherwise the value is reported (unless null) and skipped. */
    public static boolean isArray(JsonParser p, String field, SbomSink sink) throws IOException {
        if (p.currentToken() == JsonToken.START_ARRAY) {
            return true;
        }
        if (p.currentToken() != JsonToken.VALUE_NULL) {
            sink.warning(field + " is not an array (skipped) at line " + p.currentLocation().getLineNr());
        }
        p.skipChildren();
        return false;
    }

    /**
     * After the root object closes everything has been read; whatever follows (web-page text pasted after a
     * downloaded SBOM is seen in the wild) is reported and ignored rather than costing the whole document.
     */
    private static void ignoreTrailingContent(JsonParser p, Consumer<String> warnings) throws IOException {
        JsonLocation end = p.currentLocation();
        boolean trailing;
        try {
            trailing = p.nextToken() != null;
        } catch (JsonProcessingException e) {
            trailing = true;
        }
        if (trailing) {
            warnings.accept("ignored content after the end of the JSON document (line " + end.getLineNr()
                    + ", column " + end.getColumnNr() + ")");
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }
}
