package io.supplygraph.server.ui;

public record ProblemModel(String title, String message) {}
