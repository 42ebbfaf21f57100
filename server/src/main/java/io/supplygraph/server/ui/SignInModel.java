package io.supplygraph.server.ui;

/** @param next where to go once signed in: a path on this server */
public record SignInModel(String next, String problem) {}
