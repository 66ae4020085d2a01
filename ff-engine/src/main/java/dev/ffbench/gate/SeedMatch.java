package dev.ffbench.gate;

import dev.ffbench.results.CellRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seeds of one group that a baseline gate compares, paired: a mean over seeds 1-3 says nothing about
 * a run of seed 1 alone, so both means are taken over the same seeds, those with a passed cell on both
 * sides. For accuracy, a seed whose baseline cell's predictions are degenerate is left out too: its
 * accuracy is no measure of learning, and it would lower the baseline's mean and widen the seed-noise
 * allowance with a spread that is no noise. Every seed left out is named with the reason.
 *
 * @param now this run's cells of the compared seeds, in this run's order
 * @param before the baseline's cells of the same seeds, in the same order
 * @param seedsNow the seeds of this run's passed cells of the group
 * @param seedsBefore the seeds of the baseline's passed cells of the group
 * @param leftOut the seeds left out by reason, reasons in first-seen order
 */
record SeedMatch(List<CellRecord> now, List<CellRecord> before, List<Long> seedsNow, List<Long> seedsBefore,
        Map<String, List<Long>> leftOut) {

    static final String NOT_IN_BASELINE = "not in the baseline";
    static final String NOT_IN_RUN = "not in this run";
    static final String FAILED_IN_RUN = "failed in this run";
    static final String FAILED_IN_BASELINE = "failed in the baseline";
    static final String BASELINE_DEGENERATE = "the baseline's predictions are degenerate, so its accuracy is no measure"
            + " of learning and widens no allowance";
    static final String BOTH_DEGENERATE = "degenerate in this run and in the baseline";

    SeedMatch {
        now = List.copyOf(now);
        before = List.copyOf(before);
        seedsNow = List.copyOf(seedsNow);
        seedsBefore = List.copyOf(seedsBefore);
        Map<String, List<Long>> copy = new LinkedHashMap<>();
        leftOut.forEach((reason, seeds) -> copy.put(reason, List.copyOf(seeds)));
        leftOut = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Pairs the cells of one group by seed.
     *
     * @param group this run's cells of the group, failed ones included (they are named as left out)
     * @param baseline the baseline's cells of the group, failed ones included
     * @param learnedOnly for accuracy: leave out the seeds whose baseline predictions are degenerate (and
     *        those degenerate on both sides); a seed degenerate only in this run is compared, and vetoes
     */
    static SeedMatch of(List<CellRecord> group, List<CellRecord> baseline, boolean learnedOnly) {
        Map<Long, CellRecord> runBySeed = bySeed(group);
        Map<Long, CellRecord> baselineBySeed = bySeed(baseline);
        Set<Long> seeds = new LinkedHashSet<>(runBySeed.keySet());
        seeds.addAll(baselineBySeed.keySet());
        List<CellRecord> now = new ArrayList<>();
        List<CellRecord> before = new ArrayList<>();
        Map<String, List<Long>> leftOut = new LinkedHashMap<>();
        for (long seed : seeds) {
            CellRecord cell = runBySeed.get(seed);
            CellRecord old = baselineBySeed.get(seed);
            String reason;
            if (cell != null && !cell.isPassed()) {
                reason = FAILED_IN_RUN;
            } else if (cell == null) {
                reason = old.isPassed() ? NOT_IN_RUN : FAILED_IN_BASELINE;
            } else if (old == null) {
                reason = NOT_IN_BASELINE;
            } else if (!old.isPassed()) {
                reason = FAILED_IN_BASELINE;
            } else if (learnedOnly && old.result().isDegenerate()) {
                reason = cell.result().isDegenerate() ? BOTH_DEGENERATE : BASELINE_DEGENERATE;
            } else {
                now.add(cell);
                before.add(old);
                continue;
            }
            leftOut.computeIfAbsent(reason, r -> new ArrayList<>()).add(seed);
        }
        return new SeedMatch(now, before, passedSeeds(group), passedSeeds(baseline), leftOut);
    }

    /** The cells by seed, the first of a seed kept (as cells are matched by id: the first of an id). */
    private static Map<Long, CellRecord> bySeed(List<CellRecord> cells) {
        Map<Long, CellRecord> bySeed = new LinkedHashMap<>();
        cells.forEach(cell -> bySeed.putIfAbsent(cell.spec().seed(), cell));
        return bySeed;
    }

    private static List<Long> passedSeeds(List<CellRecord> cells) {
        return cells.stream().filter(CellRecord::isPassed).map(cell -> cell.spec().seed()).distinct().toList();
    }

    /** True when no seed is compared. */
    boolean isEmpty() {
        return now.isEmpty();
    }

    /** The compared seeds. */
    List<Long> seeds() {
        return now.stream().map(cell -> cell.spec().seed()).toList();
    }

    /** True when no seed has a passed cell on both sides (as opposed to seeds left out for their predictions). */
    boolean sharesNoSeed() {
        return seedsNow.stream().noneMatch(seedsBefore::contains);
    }

    /** True when every seed left out, and at least one, is degenerate on both sides (and none is compared). */
    boolean neitherLearned() {
        return isEmpty() && leftOut.containsKey(BOTH_DEGENERATE) && !leftOut.containsKey(BASELINE_DEGENERATE);
    }

    /** "seed 1", "seeds 1, 2, 3", "no seed". */
    static String seedsText(List<Long> seeds) {
        if (seeds.isEmpty()) {
            return "no seed";
        }
        List<String> texts = seeds.stream().map(String::valueOf).toList();
        return (seeds.size() == 1 ? "seed " : "seeds ") + String.join(", ", texts);
    }

    /** "seeds 2, 3 (not in this run), seed 4 (failed in this run)", or "" when no seed was left out. */
    String leftOutText() {
        List<String> parts = new ArrayList<>();
        leftOut.forEach((reason, seeds) -> parts.add(seedsText(seeds) + " (" + reason + ")"));
        return String.join(", ", parts);
    }

    /**
     * "" when every seed of both sides is compared, else "; compared on seed 1 only, the same seeds on both
     * sides; left out: seeds 2, 3 (not in this run)".
     */
    String note() {
        return leftOut.isEmpty() ? "" : "; compared on " + seedsText(seeds()) + " only, the same seeds on both sides;"
                + " left out: " + leftOutText();
    }

    /**
     * Why nothing was compared ({@link #isEmpty}): "this run and the baseline share no seed of the group
     * (this run: seed 4; the baseline: seeds 1, 2, 3), and a mean over other seeds does not compare; allowed:
     * the same seeds on both sides (record them with mvn ff:baseline)", or that no shared seed learned on
     * the baseline's side.
     */
    String refusal() {
        String sides = "(this run: " + seedsText(seedsNow) + "; the baseline: " + seedsText(seedsBefore) + ")";
        if (sharesNoSeed()) {
            return "not compared: this run and the baseline share no seed of this group " + sides + ", and a mean over"
                    + " other seeds does not compare; allowed: the same seeds on both sides (record them with mvn"
                    + " ff:baseline)";
        }
        return "not compared: no seed has a learned accuracy in the baseline " + sides + "; left out: " + leftOutText();
    }
}
