package io.supplygraph.analysis.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A policy whose rules compiled: each expression parsed and type-checked against the {@link Variable}s, and each
 * field it reads checked against their fields (the variables are maps, so CEL alone would take
 * {@code finding.severty} and find it absent at every evaluation). A rule that does not compile is a
 * {@link PolicyException} naming the file, the rule's line and name, and CEL's own message.
 */
public final class CompiledPolicy {

    /** {@code finding.score >= 9} compares a double with an int, as people write it. */
    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final CelCompiler COMPILER = compiler();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

    private final Policy policy;
    private final List<CompiledRule> rules;

    private CompiledPolicy(Policy policy, List<CompiledRule> rules) {
        this.policy = policy;
        this.rules = rules;
    }

    public static CompiledPolicy compile(Policy policy) {
        List<CompiledRule> compiled = new ArrayList<>();
        for (Rule rule : policy.rules()) {
            compiled.add(compile(policy.file(), rule));
        }
        return new CompiledPolicy(policy, List.copyOf(compiled));
    }

    public Policy policy() {
        return policy;
    }

    List<CompiledRule> rules() {
        return rules;
    }

    /** Whether some rule that applies to an application with this subject reads this variable. */
    boolean reads(Variable variable, String subjectPurl) {
        return rules.stream().anyMatch(r -> r.reads().contains(variable) && r.rule().appliesTo(subjectPurl));
    }

    private static CompiledRule compile(String file, Rule rule) {
        CelValidationResult result = COMPILER.compile(rule.when());
        if (result.hasError()) {
            throw failure(file, rule, result.getErrorString());
        }
        CelAbstractSyntaxTree ast;
        CelRuntime.Program program;
        try {
            ast = result.getAst();
            program = RUNTIME.createProgram(ast);
        } catch (CelValidationException | CelEvaluationException e) {
            throw failure(file, rule, e.getMessage());
        }
        Set<Variable> reads = EnumSet.noneOf(Variable.class);
        CelNavigableAst.fromAst(ast).getRoot().allNodes().forEach(node -> read(file, rule, node, reads));
        Variable.Level level = reads.stream().map(Variable::level).max(Comparator.naturalOrder())
                .orElse(Variable.Level.DOCUMENT);
        return new CompiledRule(rule, program, Set.copyOf(reads), level);
    }

    /** Notes the variable an identifier names, and checks the field a selection on a variable reads. */
    private static void read(String file, Rule rule, CelNavigableExpr node, Set<Variable> reads) {
        CelExpr expr = node.expr();
        if (expr.exprKind().getKind() == ExprKind.Kind.IDENT) {
            Variable.named(expr.ident().name()).ifPresent(reads::add);
        } else if (expr.exprKind().getKind() == ExprKind.Kind.SELECT
                && expr.select().operand().exprKind().getKind() == ExprKind.Kind.IDENT) {
            String field = expr.select().field();
            Variable.named(expr.select().operand().ident().name()).ifPresent(v -> {
                if (!v.fields().contains(field)) {
                    throw failure(file, rule, "'" + v.label() + "' has no field '" + field + "'; its fields are "
                            + String.join(", ", v.fields().stream().sorted().toList()));
                }
            });
        }
    }

    private static PolicyException failure(String file, Rule rule, String error) {
        return new PolicyException(file + ":" + rule.line() + ": rule '" + rule.name() + "' does not compile: "
                + error.strip());
    }

    private static CelCompiler compiler() {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL);
        for (Variable v : Variable.values()) {
            builder.addVar(v.label(), MapType.create(SimpleType.STRING, SimpleType.DYN));
        }
        return builder.build();
    }
}
