package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** One document and the warnings its ingest produced, in the order they arose: {@code documents show}. */
public record DocumentDetail(@JsonUnwrapped Document document, List<String> warningMessages) {}
