package io.supplygraph.analysis.licences;

import io.supplygraph.analysis.view.LicenceClass;
import io.supplygraph.model.licence.LicenceExpression;
import io.supplygraph.model.licence.LicenceExpression.AllOf;
import io.supplygraph.model.licence.LicenceExpression.AnyOf;
import io.supplygraph.model.licence.LicenceExpression.Licence;
import io.supplygraph.model.licence.LicenceExpression.WithException;
import io.supplygraph.model.licence.LicenceExpressions;
import io.supplygraph.model.licence.ParsedLicence;
import io.supplygraph.model.licence.SpdxLicenceList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Classifies licence expressions ({@link LicenceClass}) by the table in {@code licence-classes.txt}, which says
 * how each licence family is classed and why. For {@code OR} the licensee may choose, so the least restrictive choice
 * counts; for {@code AND} every term binds, so the most restrictive counts. A strong or network copyleft licence
 * {@code WITH} a linking exception (Classpath, GCC, LLVM...) is weak copyleft. Text that is no expression is
 * {@link LicenceClass#PROPRIETARY_OR_UNKNOWN}: nobody can say what it permits.
 *
 * <p>Policy code calls {@link #classify(String)}; it is thread-safe and cheap (a few map look-ups per term).
 */
public final class LicenceClassifier {

    private static final class Holder {
        static final LicenceClassifier TABLE = load();
    }

    private final Map<String, LicenceClass> exact;
    private final Map<String, LicenceClass> prefixes;
    private final Set<String> linkingExceptions;

    private LicenceClassifier(Map<String, LicenceClass> exact, Map<String, LicenceClass> prefixes,
            Set<String> linkingExceptions) {
        this.exact = exact;
        this.prefixes = prefixes;
        this.linkingExceptions = linkingExceptions;
    }

    /** The class of an expression as a document wrote it (parsed here; malformed text is proprietary or unknown). */
    public static LicenceClass classify(String expression) {
        return expression == null ? LicenceClass.PROPRIETARY_OR_UNKNOWN
                : classify(LicenceExpressions.parse(expression));
    }

    public static LicenceClass classify(ParsedLicence licence) {
        return licence.malformed() ? LicenceClass.PROPRIETARY_OR_UNKNOWN : classify(licence.expression());
    }

    public static LicenceClass classify(LicenceExpression expression) {
        return Holder.TABLE.of(expression);
    }

    private LicenceClass of(LicenceExpression expression) {
        if (expression instanceof Licence l) {
            return ofId(l);
        }
        if (expression instanceof WithException w) {
            LicenceClass licence = of(w.licence());
            boolean lowers = linkingExceptions.contains(w.exception().toLowerCase(Locale.ROOT))
                    && (licence == LicenceClass.STRONG_COPYLEFT || licence == LicenceClass.NETWORK_COPYLEFT);
            return lowers ? LicenceClass.WEAK_COPYLEFT : licence;
        }
        if (expression instanceof AllOf all) {
            return all.terms().stream().map(this::of).max(Comparator.naturalOrder()).orElseThrow();
        }
        if (expression instanceof AnyOf any) {
            return any.terms().stream().map(this::of).min(Comparator.naturalOrder()).orElseThrow();
        }
        // a LicenseRef, NONE or NOASSERTION: nothing says what it permits
        return LicenceClass.PROPRIETARY_OR_UNKNOWN;
    }

    private LicenceClass ofId(Licence licence) {
        if (!licence.listed()) {
            return LicenceClass.PROPRIETARY_OR_UNKNOWN;
        }
        String id = licence.id().toLowerCase(Locale.ROOT);
        LicenceClass found = exact.get(id);
        // the longest prefix decides: try the id's prefixes from the longest down
        for (int end = id.length(); found == null && end > 0; end--) {
            found = prefixes.get(id.substring(0, end));
        }
        if (found != null) {
            return found;
        }
        return SpdxLicenceList.get().licence(licence.id())
                .filter(l -> l.osiApproved() || l.fsfLibre())
                .map(l -> LicenceClass.PERMISSIVE).orElse(LicenceClass.PROPRIETARY_OR_UNKNOWN);
    }

    private static LicenceClassifier load() {
        Map<String, LicenceClass> exact = new HashMap<>();
        Map<String, LicenceClass> prefixes = new HashMap<>();
        Set<String> exceptions = new HashSet<>();
        try (InputStream in = LicenceClassifier.class.getResourceAsStream("licence-classes.txt")) {
            if (in == null) {
                throw new IllegalStateException("licence-classes.txt is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                String pattern = parts[1].toLowerCase(Locale.ROOT);
                if (parts[0].equals("linking-exception")) {
                    exceptions.add(pattern);
                } else if (pattern.endsWith("*")) {
                    prefixes.put(pattern.substring(0, pattern.length() - 1), LicenceClass.fromLabel(parts[0]));
                } else {
                    exact.put(pattern, LicenceClass.fromLabel(parts[0]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading licence-classes.txt", e);
        }
        return new LicenceClassifier(Map.copyOf(exact), Map.copyOf(prefixes), Set.copyOf(exceptions));
    }
}
