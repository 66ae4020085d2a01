package dev.ffbench.matrix;

import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The i-th of n parts of a matrix ({@code -Dff.shard=i/n}, 1-based): cell k of the whole matrix
 * belongs to shard (k mod n) + 1. Round robin over the matrix order spreads every algorithm, depth
 * and width over all shards, and depends only on the configuration, so every CI job computes the
 * same split and the shards together hold each cell exactly once.
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    public static final Shard ALL = new Shard(1, 1);

    static final String ALLOWED = "i/n with whole numbers 1 <= i <= n, e.g. 2/4 for the second of four parts";

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new HarnessException(new Problem("shard", index + "/" + count, "i/n with 1 <= i <= n"));
        }
    }

    /** "2/4"; null or blank means the whole matrix. */
    public static Shard parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        Matcher matcher = FORM.matcher(text);
        if (matcher.matches()) {
            try {
                int index = Integer.parseInt(matcher.group(1));
                int count = Integer.parseInt(matcher.group(2));
                if (count >= 1 && index >= 1 && index <= count) {
                    return new Shard(index, count);
                }
            } catch (NumberFormatException e) {
                // too many digits: reported below
            }
        }
        throw new HarnessException(new Problem("shard", text.trim(), ALLOWED));
    }

    public boolean isWhole() {
        return count == 1;
    }

    public List<Cell> select(List<Cell> matrix) {
        List<Cell> selected = matrix.stream().filter(cell -> cell.index() % count == index - 1).toList();
        if (selected.isEmpty()) {
            throw new HarnessException(Problem.found("shard " + this, "selects no cell: the matrix has only " + matrix.size()
                    + " cells", "at most " + matrix.size() + " shards for this matrix"));
        }
        return selected;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
