package dev.ffbench.gate;

import java.util.List;

/** Every gate of a build: absolute rules, ratio rules, the baseline tolerance. */
public record GateConfig(
        List<AbsoluteRule> rules,
        List<RatioRule> ratios,
        BaselineTolerance tolerance,
        boolean failIfNoBaseline) {

    public GateConfig {
        rules = List.copyOf(rules);
        ratios = List.copyOf(ratios);
    }

    public static final GateConfig DEFAULTS = new GateConfig(List.of(), List.of(), BaselineTolerance.DEFAULTS, false);
}
