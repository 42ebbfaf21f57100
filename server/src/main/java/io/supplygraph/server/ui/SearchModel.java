package io.supplygraph.server.ui;

import io.supplygraph.analysis.view.SearchHit;
import java.util.List;

public record SearchModel(String q, List<SearchHit> hits) {

    public String link(SearchHit hit) {
        return SearchPage.link(hit);
    }
}
