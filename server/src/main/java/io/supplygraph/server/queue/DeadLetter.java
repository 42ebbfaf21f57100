package io.supplygraph.server.queue;

import io.supplygraph.analysis.jobs.Jobs;

/** A job that failed every attempt, as the dead-letter stream keeps it until {@code queue retry}. */
public record DeadLetter(String job, Jobs.Kind kind, String source, int attempts, String reason, String failed) {}
