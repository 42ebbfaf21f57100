package io.supplygraph.ingest;

import io.supplygraph.model.Nul;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.fact.Facts;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces NUL (U+0000) in every text of a document record by ␀ ({@link Nul}), and says where in one warning, so that
 * no text the store writes holds one: PostgreSQL refuses such a statement while SQLite stores it, and a document must
 * come out the same on both. It runs where every document passes on its way to the store ({@link DocumentRecord})
 * rather than in each reader, because text reaches facts from a dozen readers (JSON strings with {@code \u0000},
 * SPDX tag-value lines, warnings quoting either, archive entry names) and one pass over the finished record cannot
 * miss a field a reader adds later. It walks records and lists by reflection, and copies only what holds a NUL:
 * a document without one, nearly every document, costs a look at each of its strings.
 */
final class NulEscaper {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    /** Per class, whether its values can hold no NUL: one look-up per value, for lists of many edges. */
    private static final ClassValue<Boolean> WITHOUT_TEXT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isLeaf(type) || (type.isRecord() && !SHAPES.get(type).holdsText);
        }
    };

    /** Names of the fields where a NUL was replaced, in the order met. */
    private final Set<String> fields = new LinkedHashSet<>();

    String text(String text, String field) {
        if (!Nul.in(text)) {
            return text;
        }
        fields.add(field);
        return Nul.escape(text);
    }

    /** The facts with no NUL in any text, and one more warning when there was one (the same facts when not). */
    Facts facts(Facts facts) {
        Facts escaped = value(facts, "facts");
        if (fields.isEmpty()) {
            return escaped;
        }
        Shape shape = SHAPES.get(escaped.getClass());
        Object[] values = shape.values(escaped);
        int w = shape.indexOf("warnings");
        List<Object> warnings = new ArrayList<>((List<?>) values[w]);
        warnings.add("NUL characters (U+0000) are stored as " + Nul.SYMBOL + " (U+2400) in: "
                + String.join(", ", fields));
        values[w] = Collections.unmodifiableList(warnings);
        return shape.construct(values);
    }

    /** The value with no NUL in any text it holds; the same instance when it held none. */
    @SuppressWarnings("unchecked")
    <T> T value(T value, String field) {
        if (value == null || WITHOUT_TEXT.get(value.getClass())) {
            return value;
        }
        if (value instanceof String s) {
            return (T) text(s, field);
        }
        if (value instanceof List<?> list) {
            return (T) list(list, field);
        }
        if (value instanceof Record record) {
            return (T) record(record);
        }
        // Failing here, in the first test that stores such a value, beats letting a NUL through to PostgreSQL.
        throw new IllegalStateException("cannot tell whether a " + value.getClass().getName() + " in " + field
                + " holds text; teach " + NulEscaper.class.getSimpleName() + " about it");
    }

    private List<?> list(List<?> list, String field) {
        List<Object> copy = null;
        for (int i = 0; i < list.size(); i++) {
            Object before = list.get(i);
            Object after = value(before, field);
            if (after != before && copy == null) {
                copy = new ArrayList<>(list);
            }
            if (copy != null) {
                copy.set(i, after);
            }
        }
        return copy == null ? list : Collections.unmodifiableList(copy);
    }

    private <R extends Record> R record(R record) {
        Shape shape = SHAPES.get(record.getClass());
        Object[] values = null;
        for (int i = 0; i < shape.components.length; i++) {
            if (!shape.textual[i]) {
                continue;
            }
            Object before = shape.get(record, i);
            Object after = value(before, shape.components[i].getName());
            if (after != before) {
                if (values == null) {
                    values = shape.values(record);
                }
                values[i] = after;
            }
        }
        return values == null ? record : shape.construct(values);
    }

    /**
     * Types that hold no text (numbers, enums, instants, arrays of numbers) or no NUL in it: a package identity escapes
     * its own, since it is looked up by its text as well as stored. Skipping identities, a document's bulk, makes this
     * pass a few times cheaper.
     */
    private static boolean isLeaf(Class<?> type) {
        return type == PackageIdentity.class
                || type.isPrimitive() || Enum.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type)
                || type == Boolean.class || TemporalAccessor.class.isAssignableFrom(type)
                || (type.isArray() && type.getComponentType().isPrimitive());
    }

    /** A record class's components, how to read them and how to make another one. */
    private record Shape(RecordComponent[] components, Method[] accessors, boolean[] textual,
            Constructor<?> canonical, boolean holdsText) {

        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            boolean[] textual = new boolean[components.length];
            boolean holdsText = false;
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = components[i].getType();
                textual[i] = !isLeaf(types[i]);
                holdsText |= textual[i];
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return new Shape(components, accessors, textual, canonical, holdsText);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type, e);
            }
        }

        Object get(Object record, int i) {
            try {
                return accessors[i].invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + accessors[i], e);
            }
        }

        Object[] values(Object record) {
            Object[] values = new Object[components.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = get(record, i);
            }
            return values;
        }

        int indexOf(String name) {
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(name)) {
                    return i;
                }
            }
            throw new IllegalStateException(canonical.getDeclaringClass() + " has no component " + name);
        }

        @SuppressWarnings("unchecked")
        <R> R construct(Object[] values) {
            try {
                return (R) canonical.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make another " + canonical.getDeclaringClass(), e);
            }
        }
    }
}
