package com.example;

/** Something to compile, so that the log shows the compiler running. */
public final class Placeholder {
    private Placeholder() {
    }
}
