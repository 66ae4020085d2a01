package dev.ffbench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cells that differ only in their seed form a group, named by the cell id without its seed: the
 * unit in which accuracy (and, when gated, speed) is judged against the baseline and drawn over the
 * history.
 */
public final class SeedGroups {
    private SeedGroups() {}

    /** The cell's id without its {@code -s<seed>} part: {@code ff-base-sum-squares-d2-w16-s1} gives {@code ff-base-sum-squares-d2-w16}. */
    public static String groupId(CellRecord cell) {
        return cell.id().replaceFirst("-s" + cell.spec().seed() + "(?=$|-)", "");
    }

    /** The passed cells grouped by {@link #groupId}, groups and cells in first-seen order. */
    public static Map<String, List<CellRecord>> of(List<CellRecord> cells) {
        return grouped(cells.stream().filter(CellRecord::isPassed).toList());
    }

    /**
     * Every cell, failed ones too, grouped by {@link #groupId}: a baseline gate names the seeds it leaves
     * out, and a failed seed is one of them.
     */
    public static Map<String, List<CellRecord>> withFailed(List<CellRecord> cells) {
        return grouped(cells);
    }

    private static Map<String, List<CellRecord>> grouped(List<CellRecord> cells) {
        Map<String, List<CellRecord>> groups = new LinkedHashMap<>();
        for (CellRecord cell : cells) {
            groups.computeIfAbsent(groupId(cell), k -> new ArrayList<>()).add(cell);
        }
        return groups;
    }
}
