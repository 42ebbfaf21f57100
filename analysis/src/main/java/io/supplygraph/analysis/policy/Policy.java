package io.supplygraph.analysis.policy;

import java.util.List;

/**
 * A policy as its file states it: rules in order, and waivers. {@link PolicyFile} reads one; {@link CompiledPolicy}
 * compiles its rules.
 *
 * @param file how errors and reports name it: its path
 */
public record Policy(String file, List<Rule> rules, List<Waiver> waivers) {}
