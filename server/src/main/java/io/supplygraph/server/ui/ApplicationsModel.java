package io.supplygraph.server.ui;

import io.supplygraph.analysis.view.ApplicationReleases;
import io.supplygraph.analysis.view.Page;

public record ApplicationsModel(Page<ApplicationReleases> applications, Pager pager) {}
