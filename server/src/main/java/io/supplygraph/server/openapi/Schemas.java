package io.supplygraph.server.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.temporal.Temporal;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of the answers, derived from the same Jackson configuration that
 * writes them: a property is named, ordered and included exactly as it is serialised, so the schema cannot say one
 * thing while the answer says another.
 */
final class Schemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper json;
    private final Map<String, ObjectNode> components = new TreeMap<>();

    Schemas(ObjectMapper json) {
        this.json = json;
    }

    /** A reference to the schema of {@code type}, defining it (and what it holds) among the components. */
    ObjectNode of(Class<?> type) {
        return schema(json.constructType(type));
    }

    Map<String, ObjectNode> components() {
        return components;
    }

    private ObjectNode schema(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (type.isPrimitive() || Number.class.isAssignableFrom(raw) || raw == Boolean.class) {
            return scalar(raw);
        }
        if (raw == String.class || raw == Character.class || Temporal.class.isAssignableFrom(raw)
                || raw == java.util.UUID.class) {
            return NODES.objectNode().put("type", "string");
        }
        if (raw.isEnum()) {
            ArrayNode values = NODES.arrayNode();
            for (Object constant : raw.getEnumConstants()) {
                values.add(json.valueToTree(constant));
            }
            return NODES.objectNode().put("type", "string").set("enum", values);
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return NODES.objectNode().put("type", "array").set("items", nullable(schema(type.getContentType())));
        }
        if (type.isMapLikeType()) {
            return NODES.objectNode().put("type", "object")
                    .set("additionalProperties", nullable(schema(type.getContentType())));
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return NODES.objectNode();
        }
        return reference(type);
    }

    private ObjectNode reference(JavaType type) {
        Class<?> raw = type.getRawClass();
        String name = name(raw);
        if (!components.containsKey(name)) {
            ObjectNode object = NODES.objectNode();
            components.put(name, object);
            if (raw.isSealed()) {
                // A sealed interface is serialised as whichever of its records it is.
                ArrayNode oneOf = object.putArray("oneOf");
                for (Class<?> permitted : raw.getPermittedSubclasses()) {
                    oneOf.add(schema(json.constructType(permitted)));
                }
            } else {
                object.put("type", "object");
                ObjectNode properties = object.putObject("properties");
                ArrayNode required = object.putArray("required");
                addProperties(type, properties, required);
                object.put("additionalProperties", false);
            }
        }
        return NODES.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    /** The properties a type writes; an unwrapped one's properties are written in its place, and so described. */
    private void addProperties(JavaType type, ObjectNode properties, ArrayNode required) {
        BeanDescription bean = json.getSerializationConfig().introspect(type);
        JsonInclude.Include inclusion = bean.findPropertyInclusion(json.getSerializationConfig()
                .getDefaultPropertyInclusion(type.getRawClass())).getValueInclusion();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (!property.couldSerialize()) {
                continue;
            }
            JavaType propertyType = property.getPrimaryType();
            if (annotated(property, JsonUnwrapped.class)) {
                addProperties(propertyType, properties, required);
                continue;
            }
            ObjectNode schema = annotated(property, JsonRawValue.class) ? NODES.objectNode()
                    : propertyType.isPrimitive() ? schema(propertyType) : nullable(schema(propertyType));
            properties.set(property.getName(), schema);
            if (included(property, inclusion)) {
                required.add(property.getName());
            }
        }
    }

    private static boolean annotated(BeanPropertyDefinition property, Class<? extends java.lang.annotation.Annotation> a) {
        return property.getAccessor() != null && property.getAccessor().hasAnnotation(a);
    }

    /** Whether a property is always written (perhaps as null), or left out when empty or null. */
    private static boolean included(BeanPropertyDefinition property, JsonInclude.Include classInclusion) {
        JsonInclude.Value own = property.findInclusion();
        JsonInclude.Include inclusion = own != null && own.getValueInclusion() != JsonInclude.Include.USE_DEFAULTS
                ? own.getValueInclusion() : classInclusion;
        return inclusion == null || inclusion == JsonInclude.Include.ALWAYS
                || inclusion == JsonInclude.Include.USE_DEFAULTS;
    }

    /** Any answer's field may be null except a primitive's: JSON Schema 2020-12 says so with a type list. */
    private static ObjectNode nullable(ObjectNode schema) {
        if (schema.has("type") && schema.get("type").isTextual()) {
            String type = schema.get("type").asText();
            if (schema.has("enum")) {
                ((ArrayNode) schema.get("enum")).addNull();
            }
            schema.set("type", NODES.arrayNode().add(type).add("null"));
            return schema;
        }
        if (schema.isEmpty()) {
            return schema;
        }
        ObjectNode anyOf = NODES.objectNode();
        anyOf.putArray("anyOf").add(schema).add(NODES.objectNode().put("type", "null"));
        return anyOf;
    }

    private static ObjectNode scalar(Class<?> raw) {
        String type;
        if (raw == boolean.class || raw == Boolean.class) {
            type = "boolean";
        } else if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class
                || raw == java.math.BigDecimal.class) {
            type = "number";
        } else {
            type = "integer";
        }
        return NODES.objectNode().put("type", type);
    }

    /** {@code Drift.Report} is {@code DriftReport}: nested names alone collide ({@code Vulns.Report}). */
    private static String name(Class<?> type) {
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1).replace("$", "");
    }
}
