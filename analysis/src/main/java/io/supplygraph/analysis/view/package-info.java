/**
 * The answers of {@link io.supplygraph.analysis.Supplygraph}, as the CLI's {@code --json} prints them and the REST
 * server serves them: one record per answer shape, enums for closed sets, and no database ids.
 *
 * <p>These types ARE the JSON contract that scripts rely on. Serialised by {@link io.supplygraph.analysis.view.Json}
 * (and by nothing else), a record's fields are its components in declaration order, named in snake_case
 * ({@code specVersion} is {@code spec_version}) unless {@code @JsonProperty} names them; null fields are written as
 * {@code null}, never left out; an enum is written as its label ({@code not_affected}, {@code L3}). Renaming or
 * reordering a component therefore changes the contract: {@code ViewJsonTest} pins every name, and fails first.
 * A new field goes last.
 *
 * <p>Every list is sorted in an order its query documents, ending in a unique tie-breaker, so that
 * {@link io.supplygraph.analysis.view.Page#of} gives stable pages.
 */
package io.supplygraph.analysis.view;
