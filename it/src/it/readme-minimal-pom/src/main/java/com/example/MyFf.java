package com.example;

import dev.ffbench.api.Algorithm;

/** Compiles against the engine's API with the README's POM: the provided ff-engine dependency resolves. */
public final class MyFf {
    /** The extension interface an algorithm implements. */
    public static final Class<Algorithm> API = Algorithm.class;

    private MyFf() {
    }
}
