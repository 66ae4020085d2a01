package dev.ffbench.report;

import dev.ffbench.report.ReportModel.Delta;
import java.util.List;

/**
 * One cell of the report's cell table, every text already formatted. Built by name ({@link #builder}):
 * eight of its fields are strings, which a positional call could swap unseen.
 *
 * @param id the cell id
 * @param status "passed" or "failed"
 * @param change the gates' change against the baseline ("within tolerance", "regression"), "" when not compared
 * @param testAccuracy the test accuracy, "" for a failed cell
 * @param accuracyNotes why the accuracy should not be read as the algorithm's ("training capped at 10 steps per
 *     epoch", "degenerate: ..."), empty when nothing needs saying
 * @param accuracy the accuracy's baseline value and change
 * @param trainingPeak the training peak, "" for a failed cell
 * @param training the training peak's baseline value and change
 * @param evaluationPeak the evaluation peak, "" for a failed cell
 * @param evaluation the evaluation peak's baseline value and change
 * @param samplesPerSecond training throughput, "" for a failed cell
 * @param trainSeconds training time, "" for a failed cell
 * @param regressed whether the gates judged the cell a regression (a failed cell always is)
 */
public record CellRow(String id, String status, String change, String testAccuracy, List<String> accuracyNotes,
        Delta accuracy, String trainingPeak, Delta training, String evaluationPeak, Delta evaluation,
        String samplesPerSecond, String trainSeconds, boolean regressed) {

    public CellRow {
        accuracyNotes = List.copyOf(accuracyNotes);
    }

    /** A row with nothing set: texts "", no notes, no baseline deltas, not regressed. */
    static Builder builder() {
        return new Builder();
    }

    /** Names each field of a {@link CellRow}; what is not set stays empty. */
    static final class Builder {
        private String id = "";
        private String status = "";
        private String change = "";
        private String testAccuracy = "";
        private List<String> accuracyNotes = List.of();
        private Delta accuracy = Delta.NONE;
        private String trainingPeak = "";
        private Delta training = Delta.NONE;
        private String evaluationPeak = "";
        private Delta evaluation = Delta.NONE;
        private String samplesPerSecond = "";
        private String trainSeconds = "";
        private boolean regressed;

        private Builder() {}

        Builder id(String value) {
            id = value;
            return this;
        }

        Builder status(String value) {
            status = value;
            return this;
        }

        Builder change(String value) {
            change = value;
            return this;
        }

        Builder testAccuracy(String value) {
            testAccuracy = value;
            return this;
        }

        Builder accuracyNotes(List<String> value) {
            accuracyNotes = value;
            return this;
        }

        Builder accuracy(Delta value) {
            accuracy = value;
            return this;
        }

        Builder trainingPeak(String value) {
            trainingPeak = value;
            return this;
        }

        Builder training(Delta value) {
            training = value;
            return this;
        }

        Builder evaluationPeak(String value) {
            evaluationPeak = value;
            return this;
        }

        Builder evaluation(Delta value) {
            evaluation = value;
            return this;
        }

        Builder samplesPerSecond(String value) {
            samplesPerSecond = value;
            return this;
        }

        Builder trainSeconds(String value) {
            trainSeconds = value;
            return this;
        }

        Builder regressed(boolean value) {
            regressed = value;
            return this;
        }

        /** The row as set. */
        CellRow build() {
            return new CellRow(id, status, change, testAccuracy, accuracyNotes, accuracy, trainingPeak, training,
                    evaluationPeak, evaluation, samplesPerSecond, trainSeconds, regressed);
        }
    }
}
