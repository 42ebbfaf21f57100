package io.supplygraph.cli;

import java.net.URI;

/** Where a sync downloads from: its {@code --base-url} option, else its environment variable, else the publisher. */
final class BaseUrl {

    private BaseUrl() {}

    static URI of(String option, String environment, URI publisher) {
        String url = option != null ? option : System.getenv(environment);
        return url == null || url.isBlank() ? publisher : URI.create(url);
    }
}
