package dev.ffbench.gate;

import dev.ffbench.results.CellRecord;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.SeedGroups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every cell of a run beside its baseline cell (matched by id, as the baseline gates match them):
 * memory deltas in bytes and per cent, the change of the mean test accuracy of its group over the
 * seeds both sides have, with the allowance and the verdict of the gate (the same judgement, so the
 * two agree), and samples/s, which is informational unless a speed gate is set (then over the same
 * seeds on both sides). Each row gets one {@link Change}, the worst that applies, and rows come
 * regressions first. The summary (Markdown) and the HTML report render this
 * one computation.
 *
 * @param baseline how the baseline is named (e.g. "ff-baseline.json at origin/main (commit 1a2b3c4)")
 * @param rows one per cell of the results, ordered by {@link Change}, then by matrix position
 * @param notInResults ids of passed baseline cells that the results do not have
 */
public record BaselineComparison(String baseline, List<Row> rows, List<String> notInResults) {

    /** How to read the comparison, in the summary and the report alike. */
    public static final String HOW_TO_READ = "Memory is exact, so any change shows; a growth is a regression only beyond"
            + " the gate's tolerance (maxMemoryGrowthPercent). Test accuracy is judged on the mean over seeds, with the"
            + " seed-noise allowance of the gate; samples/s is informational (it depends on the machine and its load)"
            + " unless a speed gate is set.";

    public BaselineComparison {
        rows = List.copyOf(rows);
        notInResults = List.copyOf(notInResults);
    }

    /** What happened to a cell against the baseline; the order is the order of the table. */
    public enum Change {
        /** A baseline gate fails: memory grew beyond its tolerance, or the group's accuracy dropped beyond its allowance (or speed, when gated). */
        REGRESSION("regression"),
        /** The cell's JVM failed: nothing to compare. */
        FAILED("failed"),
        /**
         * Measured on other data than its baseline cell (another dataset, or the same name with other
         * contents): the baseline gates refuse it, so no figure is compared and none is shown as a delta.
         */
        OTHER_DATA("other data"),
        /** A gated figure is worse but within what the gates allow (e.g. an accuracy drop within seed noise). */
        WITHIN_TOLERANCE("within tolerance"),
        /** A gated figure is better and none is worse. */
        IMPROVEMENT("improvement"),
        /** The baseline has no cell with this id. */
        NEW("new"),
        /** Memory to the byte and the group's mean accuracy as in the baseline (samples/s is not considered). */
        UNCHANGED("unchanged");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        /** How the change reads in tables: "regression", "within tolerance", ... */
        public String label() {
            return label;
        }

        /** How {@code count} cells of this change read in a tally: "1 regression", "2 regressions", "3 within tolerance". */
        public String counted(long count) {
            boolean noun = this == REGRESSION || this == IMPROVEMENT;
            return count + " " + label + (noun && count != 1 ? "s" : "");
        }
    }

    /**
     * A memory peak now and in the baseline.
     *
     * @param now bytes now
     * @param before the baseline's bytes, or null for a new cell
     */
    public record MemoryDelta(long now, Long before) {

        /** The change in bytes, or null without a baseline. */
        public Long bytes() {
            return before == null ? null : now - before;
        }

        /** The change in per cent of the baseline (infinite when it grew from 0), or null without a baseline. */
        public Double percent() {
            return before == null ? null : BaselineGates.growthPercent(now, before);
        }

        /** "1,100,000 B". */
        public String nowText() {
            return Metric.TRAINING_PEAK_BYTES.format(now);
        }

        /** "+100,000 B (+10.00 %)", "-2,048 B (-0.50 %)", "0 B (0.00 %)"; empty without a baseline. */
        public String deltaText() {
            if (before == null) {
                return "";
            }
            long bytes = now - before;
            double percent = percent();
            String percentText = Double.isInfinite(percent) ? "from 0" : bytes == 0 ? "0.00 %"
                    : String.format(Locale.ROOT, "%+.2f %%", percent);
            return (bytes == 0 ? "0 B" : String.format(Locale.ROOT, "%+,d B", bytes)) + " (" + percentText + ")";
        }
    }

    /**
     * A cell's test accuracy now and in the baseline, and the change of its group's mean over the seeds
     * both sides have, which is what the gate judges.
     *
     * @param now the cell's test accuracy (a fraction)
     * @param before the baseline cell's, or null for a new cell
     * @param group the group of seeds, e.g. "ff-base-sum-squares-d2-w16 (seeds 1, 2, 3)"
     * @param seeds how many seeds the group has now
     * @param change the group's mean change and allowance, or null for a new cell or a group the gate did
     *        not compare
     * @param notCompared why the gate did not compare the group ("" when it did, or for a new cell)
     */
    public record AccuracyDelta(double now, Double before, String group, int seeds, AccuracyChange change,
            String notCompared) {

        /** "85.00 %". */
        public String nowText() {
            return Metric.TEST_ACCURACY.format(now);
        }

        /**
         * One seed on both sides: "-0.50 pts; allowed: a drop of at most 1.00 points". Otherwise: "mean -1.67
         * pts over seeds 1, 2, 3; allowed: a drop of at most 4.27 points (1.00 + 3.27 for seed noise)", over
         * the seeds compared. A group the gate did not compare: why. Empty without a baseline.
         */
        public String deltaText() {
            if (change == null) {
                return before == null ? "" : notCompared;
            }
            String over = seeds == 1 && change.seeds().size() == 1 ? change.deltaText()
                    : "mean " + change.deltaText() + " over " + SeedMatch.seedsText(change.seeds());
            return over + "; allowed: " + change.boundText();
        }
    }

    /**
     * A cell's training throughput now and in the baseline: informational unless a speed gate is set
     * ({@code maxDropPercent}), because wall time depends on the machine and its load.
     *
     * @param now samples/s now
     * @param before the baseline cell's, or null for a new cell
     * @param maxDropPercent the speed gate's bound, or null when speed is not gated
     */
    public record SpeedDelta(double now, Double before, Double maxDropPercent) {

        /** The change in per cent of the baseline (positive: faster), or null without a baseline. */
        public Double percent() {
            return before == null ? null : 0.0 - BaselineGates.speedDropPercent(now, before);
        }

        /** "1,000". */
        public String nowText() {
            return String.format(Locale.ROOT, "%,.0f", now);
        }

        /** "-5.00 % (informational)", or "(gated: a drop of at most 20.00 % of the group's mean)"; empty without a baseline. */
        public String deltaText() {
            if (before == null) {
                return "";
            }
            return String.format(Locale.ROOT, "%+.2f %%", percent()) + (maxDropPercent == null ? " (informational)"
                    : String.format(Locale.ROOT, " (gated: the group's mean may drop at most %.2f %%)", maxDropPercent));
        }
    }

    /**
     * One cell against the baseline.
     *
     * @param index the cell's position in the matrix
     * @param cell the cell id
     * @param change the worst change that applies
     * @param training the training peak (null when the cell failed)
     * @param evaluation the evaluation peak (null when the cell failed)
     * @param accuracy test accuracy (null when the cell failed)
     * @param speed samples/s (null when the cell failed)
     * @param regressed the metrics whose gate fails for this cell (or its group)
     * @param note why the cell failed, what a new cell lacks, or how a compared cell's spec differs from
     *        its baseline cell's ("the baseline cell's spec differs (epochs 4 -> 1)": its deltas are then
     *        a change of configuration, not of code); empty otherwise
     */
    public record Row(int index, String cell, Change change, MemoryDelta training, MemoryDelta evaluation,
            AccuracyDelta accuracy, SpeedDelta speed, Set<Metric> regressed, String note) {

        public Row {
            regressed = Set.copyOf(regressed);
        }
    }

    /**
     * Compares every cell of {@code results} with {@code baseline}, judging with {@code tolerance}
     * exactly as {@link GateEvaluator} does.
     */
    public static BaselineComparison of(BaselineTolerance tolerance, ResultsDocument results, ResultsDocument baseline,
            String baselineName) {
        Map<String, CellRecord> before = new LinkedHashMap<>();
        baseline.passedCells().forEach(cell -> before.putIfAbsent(cell.id(), cell));
        Map<String, List<CellRecord>> groupsNow = SeedGroups.of(results.cells());
        Map<String, List<CellRecord>> groupsBefore = SeedGroups.of(baseline.cells());
        Map<String, List<CellRecord>> allNow = SeedGroups.withFailed(results.cells());
        Map<String, List<CellRecord>> allBefore = SeedGroups.withFailed(baseline.cells());
        // the gate's own judgement of each group, so that the table and the gate agree
        Map<String, BaselineGates.AccuracyJudgement> accuracy = new LinkedHashMap<>();
        Map<String, Double> speedDrop = new LinkedHashMap<>();
        groupsNow.forEach((group, cells) -> {
            if (groupsBefore.containsKey(group)) {
                accuracy.put(group, BaselineGates.accuracy(tolerance, allNow.get(group), allBefore.get(group)));
                Double drop = BaselineGates.speedDropPercent(allNow.get(group), allBefore.get(group));
                if (drop != null) {
                    speedDrop.put(group, drop);
                }
            }
        });

        // speed measured in another environment does not compare: the speed gate is skipped, so it is informational here too
        boolean sameEnvironment = results.fingerprint() == null || baseline.fingerprint() == null
                || results.fingerprint().differencesFrom(baseline.fingerprint()).isEmpty();
        Double maxSpeedDrop = sameEnvironment ? tolerance.maxSpeedDropPercent() : null;
        List<Row> rows = new ArrayList<>();
        for (CellRecord cell : results.cells()) {
            if (!cell.isPassed()) {
                rows.add(new Row(cell.index(), cell.id(), Change.FAILED, null, null, null, null, Set.of(),
                        String.valueOf(cell.failure())));
                continue;
            }
            CellRecord old = before.get(cell.id());
            String group = SeedGroups.groupId(cell);
            List<CellRecord> members = groupsNow.get(group);
            String groupName = BaselineGates.groupName(members);
            long trainingNow = (long) Metric.TRAINING_PEAK_BYTES.of(cell.result());
            long evaluationNow = (long) Metric.EVALUATION_PEAK_BYTES.of(cell.result());
            double accuracyNow = cell.result().testAccuracy();
            double speedNow = cell.result().samplesPerSecond();
            if (old == null) {
                rows.add(new Row(cell.index(), cell.id(), Change.NEW, new MemoryDelta(trainingNow, null),
                        new MemoryDelta(evaluationNow, null),
                        new AccuracyDelta(accuracyNow, null, groupName, members.size(), null, ""),
                        new SpeedDelta(speedNow, null, maxSpeedDrop), Set.of(),
                        "no baseline cell with this id: record it with mvn ff:baseline"));
                continue;
            }
            MemoryDelta training = new MemoryDelta(trainingNow, (long) Metric.TRAINING_PEAK_BYTES.of(old.result()));
            MemoryDelta evaluation = new MemoryDelta(evaluationNow, (long) Metric.EVALUATION_PEAK_BYTES.of(old.result()));
            BaselineGates.AccuracyJudgement judgement = accuracy.get(group);
            AccuracyChange groupAccuracy = judgement == null ? null : judgement.change();
            Set<Metric> regressed = EnumSet.noneOf(Metric.class);
            boolean worse = false;
            boolean better = false;
            for (Map.Entry<Metric, MemoryDelta> memory : Map.of(Metric.TRAINING_PEAK_BYTES, training,
                    Metric.EVALUATION_PEAK_BYTES, evaluation).entrySet()) {
                MemoryDelta delta = memory.getValue();
                if (delta.percent() > tolerance.maxMemoryGrowthPercent()) {
                    regressed.add(memory.getKey());
                }
                worse |= delta.bytes() > 0;
                better |= delta.bytes() < 0;
            }
            if (judgement != null && judgement.outcome().failed()) {
                regressed.add(Metric.TEST_ACCURACY);
            }
            if (groupAccuracy != null) {
                worse |= groupAccuracy.dropPoints() > 0;
                better |= groupAccuracy.dropPoints() < 0;
            }
            if (maxSpeedDrop != null && speedDrop.getOrDefault(group, 0.0) > maxSpeedDrop) {
                regressed.add(Metric.SAMPLES_PER_SECOND);
            }
            Change change = !regressed.isEmpty() ? Change.REGRESSION : worse ? Change.WITHIN_TOLERANCE
                    : better ? Change.IMPROVEMENT : Change.UNCHANGED;
            // the baseline gates refuse a cell measured on other data: nothing is compared, no delta is shown
            if (BaselineData.differs(cell, old)) {
                rows.add(new Row(cell.index(), cell.id(), Change.OTHER_DATA, null, null, null, null, Set.of(),
                        BaselineData.otherData(cell, old)));
                continue;
            }
            rows.add(new Row(cell.index(), cell.id(), change, training, evaluation,
                    new AccuracyDelta(accuracyNow, old.result().testAccuracy(), groupName, members.size(), groupAccuracy,
                            // a cell matched by id shares its seed, so only degenerate predictions leave nothing compared
                            judgement == null || groupAccuracy != null ? "" : "not compared: no seed learned on both sides"),
                    new SpeedDelta(speedNow, old.result().samplesPerSecond(), maxSpeedDrop), regressed,
                    BaselineGates.specDifferences(old.spec(), cell.spec())));
        }
        rows.sort(Comparator.comparing(Row::change).thenComparingInt(Row::index));
        List<String> ids = results.cells().stream().map(CellRecord::id).toList();
        List<String> missing = before.keySet().stream().filter(id -> !ids.contains(id)).toList();
        return new BaselineComparison(baselineName, rows, missing);
    }

    /** The rows with this change. */
    public List<Row> rows(Change change) {
        return rows.stream().filter(row -> row.change() == change).toList();
    }

    /** How many rows each change has, in table order. */
    public Map<Change, Long> counts() {
        Map<Change, Long> counts = new LinkedHashMap<>();
        Arrays.stream(Change.values()).forEach(change -> counts.put(change, 0L));
        rows.forEach(row -> counts.merge(row.change(), 1L, Long::sum));
        return counts;
    }

    /**
     * "3 cells: 1 regression, 1 within tolerance, 1 improvement" (changes with no cell are left out), then
     * "; 2 of them against a baseline cell of another spec" when a compared cell's spec differs.
     */
    public String tally() {
        String parts = counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().counted(e.getValue())).collect(Collectors.joining(", "));
        long otherSpec = rows.stream().filter(BaselineComparison::specDiffers).count();
        return rows.size() + (rows.size() == 1 ? " cell" : " cells") + (parts.isEmpty() ? "" : ": " + parts)
                + (otherSpec == 0 ? "" : "; " + otherSpec + " of them against a baseline cell of another spec");
    }

    /** Whether {@code row} compares figures with a baseline cell whose spec differs (its note says how). */
    public static boolean specDiffers(Row row) {
        return row.training() != null && row.training().before() != null && !row.note().isEmpty();
    }
}
