package dev.ffbench.gate;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.Metric;
import dev.ffbench.results.SeedGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Judges results against a baseline. A cell matches the baseline cell with the same id (algorithm,
 * goodness, depth, width, seed, dataset), so a baseline stays usable when the spec gains fields;
 * when other spec fields differ, the outcome says which. A matched cell measured on other data
 * (another dataset content hash) is refused, not compared (see {@link BaselineData}). Memory is judged
 * per cell (it is exact, and the cell id names the seed); accuracy and, when asked, speed per group of
 * cells that differ only in the seed, on the mean over the seeds both sides have ({@link SeedMatch}): a
 * seed on one side only, failed, or (for accuracy) with degenerate baseline predictions is left out and
 * named, and a group that shares no seed with the baseline is not compared.
 */
final class BaselineGates {
    private BaselineGates() {}

    /**
     * @param baselineSource how the baseline is named in outcomes
     * @param otherEnvironment the differences between the baseline's environment and this run's (e.g.
     *        "cpu A (baseline) vs B (now)"), empty when they agree: speed gates are then skipped, since
     *        samples/s measured on another machine do not compare; memory and accuracy gates still judge
     */
    static void evaluate(BaselineTolerance tolerance, List<CellRecord> cells, List<CellRecord> baseline,
            String baselineSource, List<String> otherEnvironment, List<GateOutcome> outcomes, List<String> warnings) {
        List<String> unmatched = new ArrayList<>();
        int matched = 0;
        for (CellRecord cell : cells) {
            if (!cell.isPassed()) {
                continue;
            }
            CellRecord old = baseline.stream().filter(b -> b.isPassed() && b.id().equals(cell.id())).findFirst().orElse(null);
            if (old == null) {
                unmatched.add(cell.id());
                continue;
            }
            matched++;
            if (BaselineData.refused(cell, old, outcomes)) {
                continue;
            }
            memory(tolerance, Metric.TRAINING_PEAK_BYTES, cell, old, outcomes);
            memory(tolerance, Metric.EVALUATION_PEAK_BYTES, cell, old, outcomes);
        }
        if (matched == 0 && !unmatched.isEmpty()) {
            // a baseline of another matrix: every baseline gate would pass without judging anything
            List<String> baselineIds = baseline.stream().filter(CellRecord::isPassed).map(CellRecord::id).toList();
            outcomes.add(new GateOutcome(GateKind.BASELINE, "baseline", null, "at least one cell in common with the baseline",
                    null, null, GateOutcome.Status.FAILED, "[baseline] none of the " + unmatched.size() + " passed cells ("
                            + listed(unmatched) + ") has a cell in the baseline " + baselineSource + " (its cells: "
                            + (baselineIds.isEmpty() ? "none" : listed(baselineIds)) + "), so the baseline gates judged"
                            + " nothing; allowed: a baseline recorded from this matrix (cells are matched by id)"));
        } else if (!unmatched.isEmpty()) {
            warnings.add(unmatched.size() + " cells have no baseline cell (new cells): "
                    + String.join(", ", unmatched) + "; record them with mvn ff:baseline");
        }
        String unknownData = BaselineData.unknownWarning(cells, baseline);
        if (unknownData != null) {
            warnings.add(unknownData);
        }
        Map<String, List<CellRecord>> current = SeedGroups.of(cells);
        Map<String, List<CellRecord>> previous = SeedGroups.of(baseline);
        Map<String, List<CellRecord>> currentAll = SeedGroups.withFailed(cells);
        Map<String, List<CellRecord>> previousAll = SeedGroups.withFailed(baseline);
        for (Map.Entry<String, List<CellRecord>> group : current.entrySet()) {
            List<CellRecord> old = previous.get(group.getKey());
            if (old != null && BaselineData.anyDiffers(group.getValue(), old)) {
                outcomes.add(BaselineData.skipped(groupName(group.getValue()), Metric.TEST_ACCURACY));
                if (tolerance.maxSpeedDropPercent() != null) {
                    outcomes.add(BaselineData.skipped(groupName(group.getValue()), Metric.SAMPLES_PER_SECOND));
                }
            } else if (old != null) {
                List<CellRecord> now = currentAll.get(group.getKey());
                List<CellRecord> before = previousAll.get(group.getKey());
                outcomes.add(accuracy(tolerance, now, before).outcome());
                if (tolerance.maxSpeedDropPercent() != null) {
                    speed(tolerance.maxSpeedDropPercent(), now, before, otherEnvironment, outcomes);
                }
            }
        }
    }

    /** "a, b, c" or the first five and how many more. */
    private static String listed(List<String> ids) {
        return ids.size() <= 5 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
    }

    private static void memory(BaselineTolerance tolerance, Metric metric, CellRecord cell, CellRecord old,
            List<GateOutcome> outcomes) {
        double value = metric.of(cell.result());
        double before = metric.of(old.result());
        double growth = growthPercent(value, before);
        String bound = String.format(Locale.ROOT, "at most %+.2f %% over the baseline", tolerance.maxMemoryGrowthPercent());
        String outside = Degenerate.memoryVeto(metric, cell);
        boolean passed = outside == null && growth <= tolerance.maxMemoryGrowthPercent();
        outcomes.add(new GateOutcome(GateKind.BASELINE, cell.id(), metric, bound, value, before,
                passed ? GateOutcome.Status.PASSED : GateOutcome.Status.FAILED,
                "[baseline] " + cell.id() + ": " + metric.key() + " is " + metric.format(value) + ", baseline "
                        + metric.format(before) + String.format(Locale.ROOT, " (%+.2f %%)", growth) + "; allowed: " + bound
                        + specNote(old.spec(), cell.spec()) + (outside == null ? "" : "; " + outside)));
    }

    /**
     * A group's accuracy against the baseline: the gate's outcome, and the change it judged (null when no
     * seed was compared). The comparison table takes its verdict from here, so the two agree.
     */
    record AccuracyJudgement(GateOutcome outcome, AccuracyChange change, SeedMatch match) {}

    /**
     * Judges the mean test accuracy of a group over the seeds both sides have, leaving out the seeds whose
     * baseline predictions are degenerate (see {@link SeedMatch}).
     *
     * @param cells this run's cells of the group, failed ones included; at least one passed
     * @param old the baseline's cells of the group, failed ones included; at least one passed
     */
    static AccuracyJudgement accuracy(BaselineTolerance tolerance, List<CellRecord> cells, List<CellRecord> old) {
        Metric metric = Metric.TEST_ACCURACY;
        String group = groupName(cells.stream().filter(CellRecord::isPassed).toList());
        SeedMatch match = SeedMatch.of(cells, old, true);
        if (match.isEmpty()) {
            String bound = String.format(Locale.ROOT, "a drop of at most %.2f points", tolerance.maxAccuracyDropPoints());
            String detail;
            if (match.neitherLearned()) {
                // neither side learned: there is no accuracy to compare, which is no pass either
                String others = match.leftOut().entrySet().stream()
                        .filter(e -> !e.getKey().equals(SeedMatch.BOTH_DEGENERATE))
                        .map(e -> SeedMatch.seedsText(e.getValue()) + " (" + e.getKey() + ")").collect(Collectors.joining(", "));
                String degenerate = SeedGroups.groupId(cells.get(0)) + " ("
                        + SeedMatch.seedsText(match.leftOut().get(SeedMatch.BOTH_DEGENERATE)) + ")";
                detail = "[baseline] " + group + ": " + metric.key() + (others.isEmpty() ? "" : " (left out: " + others + ")")
                        + " not compared: the predictions of this run and of the baseline are degenerate (" + degenerate
                        + "), so neither accuracy is a measure of learning";
            } else {
                detail = "[baseline] " + group + ": " + metric.key() + " " + match.refusal();
            }
            return new AccuracyJudgement(new GateOutcome(GateKind.BASELINE, group, metric, bound, null, null,
                    GateOutcome.Status.SKIPPED, detail), null, match);
        }
        AccuracyChange change = AccuracyChange.of(tolerance, match);
        String bound = change.boundText();
        String detail = "[baseline] " + group + ": " + metric.key() + " mean is " + metric.format(change.meanNow())
                + ", baseline mean " + metric.format(change.meanBefore())
                + String.format(Locale.ROOT, " (drop %.2f points)", change.dropPoints())
                + "; allowed: " + bound + specNote(match.before().get(0).spec(), match.now().get(0).spec())
                + change.noiseSource() + match.note();
        // a compared seed's baseline cell learned (degenerate ones are left out): one that stopped learning fails
        String degenerate = match.now().stream().map(cell -> Degenerate.accuracyVeto(metric, cell))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        GateOutcome.Status status;
        if (degenerate != null) {
            status = GateOutcome.Status.FAILED;
            detail += "; " + degenerate + " (the baseline's were not)";
        } else {
            status = change.violates() ? GateOutcome.Status.FAILED : GateOutcome.Status.PASSED;
        }
        detail += match.now().stream().map(cell -> Degenerate.deadUnitsNote(metric, cell)).collect(Collectors.joining());
        return new AccuracyJudgement(new GateOutcome(GateKind.BASELINE, group, metric, bound, change.meanNow(),
                change.meanBefore(), status, detail), change, match);
    }

    /**
     * Judges the mean samples/s of a group over the seeds both sides have. A degenerate cell's speed is a
     * measurement like any other (it ran the same steps), so only seeds without a passed cell on both sides
     * are left out.
     */
    private static void speed(double maxDropPercent, List<CellRecord> cells, List<CellRecord> old,
            List<String> otherEnvironment, List<GateOutcome> outcomes) {
        Metric metric = Metric.SAMPLES_PER_SECOND;
        String bound = String.format(Locale.ROOT, "a drop of at most %.2f %%", maxDropPercent);
        String group = groupName(cells.stream().filter(CellRecord::isPassed).toList());
        SeedMatch match = SeedMatch.of(cells, old, false);
        if (match.isEmpty()) {
            outcomes.add(new GateOutcome(GateKind.BASELINE, group, metric, bound, null, null, GateOutcome.Status.SKIPPED,
                    "[baseline] " + group + ": " + metric.key() + " " + match.refusal()));
            return;
        }
        double now = SeedStatistics.of(match.now(), metric).mean();
        double before = SeedStatistics.of(match.before(), metric).mean();
        double drop = speedDropPercent(now, before);
        String detail = "[baseline] " + group + ": " + metric.key() + " mean is " + metric.format(now) + ", baseline mean "
                + metric.format(before) + String.format(Locale.ROOT, " (drop %.2f %%)", drop) + "; allowed: " + bound
                + match.note();
        if (!otherEnvironment.isEmpty()) {
            outcomes.add(new GateOutcome(GateKind.BASELINE, group, metric, bound, now, before, GateOutcome.Status.SKIPPED,
                    detail + "; not compared: the baseline was measured in another environment ("
                            + String.join("; ", otherEnvironment) + "), where speed differs (memory and accuracy gates"
                            + " still apply); record the baseline in this environment to gate speed (mvn ff:baseline)"));
            return;
        }
        outcomes.add(new GateOutcome(GateKind.BASELINE, group, metric, bound, now, before,
                drop <= maxDropPercent ? GateOutcome.Status.PASSED : GateOutcome.Status.FAILED, detail));
    }

    /** How far the mean samples/s over the seeds both sides have dropped, in per cent; null when they share none. */
    static Double speedDropPercent(List<CellRecord> cells, List<CellRecord> old) {
        SeedMatch match = SeedMatch.of(cells, old, false);
        return match.isEmpty() ? null : speedDropPercent(SeedStatistics.of(match.now(), Metric.SAMPLES_PER_SECOND).mean(),
                SeedStatistics.of(match.before(), Metric.SAMPLES_PER_SECOND).mean());
    }

    /** Growth of a memory figure over the baseline's, in per cent (infinite when it grew from 0). */
    static double growthPercent(double value, double before) {
        return before == 0 ? (value == 0 ? 0 : Double.POSITIVE_INFINITY) : 100 * (value - before) / before;
    }

    /** How far a speed dropped below the baseline's, in per cent (negative when it rose). */
    static double speedDropPercent(double now, double before) {
        return before == 0 ? 0 : 100 * (before - now) / before;
    }

    /** "" when the specs agree (seed aside), else "; note: the baseline cell's spec differs (batchSize 50 -> 100)". */
    static String specNote(ExperimentSpec before, ExperimentSpec now) {
        String differences = specDifferences(before, now);
        return differences.isEmpty() ? "" : "; note: " + differences;
    }

    /** "" when the specs agree (seed aside), else "the baseline cell's spec differs (batchSize 50 -> 100)". */
    static String specDifferences(ExperimentSpec before, ExperimentSpec now) {
        Map<String, Object> then = SpecResolver.fieldsOf(before);
        Map<String, Object> current = SpecResolver.fieldsOf(now);
        java.util.Set<String> fields = new java.util.LinkedHashSet<>(current.keySet());
        fields.addAll(then.keySet());
        List<String> differences = new ArrayList<>();
        for (String field : fields) {
            Object old = then.get(field);
            Object value = current.get(field);
            if (!field.equals("seed") && !java.util.Objects.equals(old, value)) {
                differences.add(field + " " + (old == null ? "(none)" : old) + " -> " + (value == null ? "(none)" : value));
            }
        }
        return differences.isEmpty() ? "" : "the baseline cell's spec differs (" + String.join(", ", differences) + ")";
    }

    /** The first cell's id without its seed, and the seeds: "ff-base-sum-squares-d2-w32 (seeds 1, 2)". */
    static String groupName(List<CellRecord> cells) {
        String id = SeedGroups.groupId(cells.get(0));
        List<String> seeds = cells.stream().map(c -> String.valueOf(c.spec().seed())).toList();
        return id + (seeds.size() == 1 ? " (seed " : " (seeds ") + String.join(", ", seeds) + ")";
    }
}
