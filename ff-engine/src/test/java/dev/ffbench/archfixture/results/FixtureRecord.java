package dev.ffbench.archfixture.results;

/** A results class, which training code must not know. */
public record FixtureRecord(double accuracy) {}
