package io.supplygraph.server.ui;

import io.supplygraph.analysis.view.Overview;

public record OverviewModel(Overview overview, FindingsChart chart) {}
