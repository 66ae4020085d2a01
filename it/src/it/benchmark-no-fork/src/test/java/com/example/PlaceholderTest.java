package com.example;

/** Something to test-compile, so that the log shows testCompile running (it has no test to run). */
final class PlaceholderTest {
}
