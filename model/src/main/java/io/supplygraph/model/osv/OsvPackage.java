package io.supplygraph.model.osv;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The {@code package} of an OSV {@code affected[]} entry. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OsvPackage(String ecosystem, String name, String purl) {}
