package com.acme;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.Option;
import java.util.List;

/** An algorithm of the project's own, under src/test: ff:list shows it and its option; this project never runs it. */
public final class MyFf implements Algorithm {
    static final Option<Integer> ROUNDS = Option.integer("rounds", 3, "passes over each batch").atLeast(1).atMost(9);

    @Override
    public String name() {
        return "my-ff";
    }

    @Override
    public String description() {
        return "a Forward-Forward variant of the project's own";
    }

    @Override
    public List<Option<?>> options() {
        return List.of(ROUNDS);
    }

    @Override
    public Model build(ModelContext context) {
        throw new UnsupportedOperationException("my-ff is only listed in this project");
    }
}
