package io.supplygraph.server.ui;

import io.supplygraph.analysis.view.Page;
import io.supplygraph.analysis.view.PortfolioUpgrade;

public record FixModel(Page<PortfolioUpgrade> upgrades, Pager pager) {}
