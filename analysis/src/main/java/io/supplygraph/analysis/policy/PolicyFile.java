package io.supplygraph.analysis.policy;

import io.supplygraph.analysis.view.PolicyAction;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a policy file (YAML): {@code rules} and {@code waivers}, each a list of mappings. It is read as YAML nodes,
 * not bound to classes, so that every error can name its line. An unknown key is an error, so that a typo
 * ({@code wen:}) cannot silently disable a rule; keys that start with {@code x-} are left for people and tools to
 * annotate with, and ignored. Later versions of the format add keys, and never change what these mean.
 */
public final class PolicyFile {

    private static final Set<String> TOP = Set.of("rules", "waivers");
    private static final Set<String> RULE = Set.of("name", "when", "action", "message", "scope");
    private static final Set<String> WAIVER = Set.of("rule", "match", "reason", "expires");

    private final String file;

    private PolicyFile(String file) {
        this.file = file;
    }

    public static Policy read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyException(path + ": cannot read the policy: " + e.getMessage());
        }
        return parse(path.toString(), text);
    }

    /** @param file how errors name the policy: its path */
    public static Policy parse(String file, String yaml) {
        return new PolicyFile(file).parse(new StringReader(yaml));
    }

    private Policy parse(Reader yaml) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(yaml);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new PolicyException(file + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new PolicyException(file + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new PolicyException(file + ": the policy is empty; it needs a list of rules");
        }
        Map<String, Node> top = mapping(root, TOP, "the policy");
        List<Rule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node n : sequence(top.get("rules"), "rules")) {
            Rule rule = rule(n);
            if (!names.add(rule.name())) {
                throw error(n, "a second rule is named '" + rule.name() + "'");
            }
            rules.add(rule);
        }
        if (rules.isEmpty()) {
            throw error(root, "the policy has no rules");
        }
        List<Waiver> waivers = new ArrayList<>();
        if (top.containsKey("waivers")) {
            for (Node n : sequence(top.get("waivers"), "waivers")) {
                Waiver w = waiver(n);
                if (!names.contains(w.rule())) {
                    throw error(n, "the waiver names the rule '" + w.rule() + "', which the policy does not have");
                }
                waivers.add(w);
            }
        }
        return new Policy(file, rules, waivers);
    }

    private Rule rule(Node node) {
        Map<String, Node> keys = mapping(node, RULE, "a rule");
        String name = text(keys, "name", node);
        String action = text(keys, "action", node);
        PolicyAction parsed;
        try {
            parsed = PolicyAction.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(keys.get("action"), "rule '" + name + "': action is fail or warn, not '" + action + "'");
        }
        List<MatchPattern> scope = new ArrayList<>();
        if (keys.containsKey("scope")) {
            Node s = keys.get("scope");
            for (Node p : s instanceof ScalarNode ? List.of(s) : sequence(s, "scope")) {
                MatchPattern pattern = MatchPattern.of(scalar(p, "scope"));
                if (!pattern.isPurl()) {
                    throw error(p, "rule '" + name + "': scope takes purl patterns of applications (pkg:...), not '"
                            + pattern + "'");
                }
                scope.add(pattern);
            }
        }
        String message = keys.containsKey("message") ? text(keys, "message", node) : name;
        return new Rule(name, text(keys, "when", node), parsed, message, List.copyOf(scope), line(node));
    }

    private Waiver waiver(Node node) {
        Map<String, Node> keys = mapping(node, WAIVER, "a waiver");
        String expires = text(keys, "expires", node);
        LocalDate date;
        try {
            date = LocalDate.parse(expires);
        } catch (DateTimeParseException e) {
            throw error(keys.get("expires"), "expires is an ISO date (2026-12-31), not '" + expires + "'");
        }
        return new Waiver(text(keys, "rule", node), MatchPattern.of(text(keys, "match", node)),
                text(keys, "reason", node), date, line(node));
    }

    /** A mapping's keys and values; a key outside {@code known} (other than {@code x-...}) is an error. */
    private Map<String, Node> mapping(Node node, Set<String> known, String what) {
        if (!(node instanceof MappingNode m)) {
            throw error(node, what + " is a mapping of keys (" + String.join(", ", known.stream().sorted().toList())
                    + ")");
        }
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode(), "a key");
            if (key.startsWith("x-")) {
                continue;
            }
            if (!known.contains(key)) {
                throw error(t.getKeyNode(), "unknown key '" + key + "' in " + what + "; the keys are "
                        + String.join(", ", known.stream().sorted().toList()) + " (and x-... for annotations)");
            }
            keys.put(key, t.getValueNode());
        }
        return keys;
    }

    private List<Node> sequence(Node node, String what) {
        if (node == null) {
            throw new PolicyException(file + ": the policy needs a list of " + what);
        }
        if (!(node instanceof SequenceNode s)) {
            throw error(node, what + " is a list");
        }
        return s.getValue();
    }

    private String text(Map<String, Node> keys, String key, Node owner) {
        Node value = keys.get(key);
        if (value == null) {
            throw error(owner, "missing key '" + key + "'");
        }
        String text = scalar(value, key);
        if (text.isBlank()) {
            throw error(value, key + " is empty");
        }
        return text.strip();
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode s)) {
            throw error(node, what + " is a single value, not a list or a mapping");
        }
        return s.getValue();
    }

    private PolicyException error(Node node, String message) {
        return new PolicyException(file + ":" + line(node) + ": " + message);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
