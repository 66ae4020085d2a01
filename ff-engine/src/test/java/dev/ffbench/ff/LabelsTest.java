package dev.ffbench.ff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.Batch;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.memory.TransientMemory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void uniformWrongLabelsNeverRepeatTheTrueOneAndCoverTheOtherNine() {
        SplittableRandom random = new SplittableRandom(5);
        int[] counts = new int[10];
        for (int i = 0; i < 9000; i++) {
            counts[Labels.uniformWrong(3, 10, random)]++;
        }
        assertEquals(0, counts[3]);
        for (int label = 0; label < 10; label++) {
            if (label != 3) {
                assertTrue(counts[label] > 850 && counts[label] < 1150, "label " + label + " drawn " + counts[label]);
            }
        }
    }

    @Test
    void hardNegativesFollowTheModelsBeliefAndNeverTheTrueLabel() {
        SplittableRandom random = new SplittableRandom(6);
        // the true label 2 scores highest; label 7 is by far the most plausible wrong one
        float[] scores = {0, 0, 50, 0, 0, 0, 0, 10, 0, 0};
        int sevens = 0;
        for (int i = 0; i < 1000; i++) {
            int label = Labels.wrongFromScores(scores, 2, random);
            assertNotEquals(2, label);
            if (label == 7) {
                sevens++;
            }
        }
        assertTrue(sevens > 990, "label 7 drawn " + sevens + " times of 1000");
    }

    /**
     * A step's rows: the batch's images (in its order, from its start) with their own labels, then each
     * with a wrong one, drawn from the batch's random in order: the draws of uniformWrong, or with scores
     * those of wrongFromScores.
     */
    @Test
    void positivesAndNegativesWriteEachImagesLabelThenAWrongOneDrawnInOrder() {
        byte[] labels = {3, 1, 4, 1, 5, 9, 2, 6};
        ImageSet images = new ImageSet(labels.length, 1, 1, new byte[labels.length], labels);
        int[] order = {7, 6, 5, 4, 3, 2, 1, 0};
        float[][] scores = new float[3][10];
        for (int i = 0; i < 3; i++) {
            scores[i][(i + 2) % 10] = 60; // one wrong label each that the draw must pick
        }
        try (TransientMemory memory = new TransientMemory("test")) {
            for (float[][] given : new float[][][] {null, scores}) {
                Batch batch = new Batch(images, order, 2, 3, memory, new SplittableRandom(8), 1, 0, 1, null, true);
                int[] rows = new int[8];
                java.util.Arrays.fill(rows, -1);
                Labels.positivesAndNegatives(batch, given, 10, rows);
                SplittableRandom expected = new SplittableRandom(8);
                for (int i = 0; i < 3; i++) {
                    int own = labels[order[2 + i]];
                    assertEquals(own, rows[i], "positive " + i);
                    int wrong = given == null ? Labels.uniformWrong(own, 10, expected)
                            : Labels.wrongFromScores(given[i], own, expected);
                    assertEquals(wrong, rows[3 + i], "negative " + i);
                    assertNotEquals(own, rows[3 + i]);
                }
                if (given != null) {
                    assertEquals(2, rows[3], "the hard negative the scores point at");
                }
                assertEquals(-1, rows[6], "nothing past 2 x count is written");
            }
        }
    }

    @Test
    void argMaxPicksTheHighestScoreAndNoLabelOnATie() {
        assertEquals(Labels.TIE, Labels.argMax(new float[] {1, 2, 3, 0, 9, 9}), "a tie for the top is no prediction");
        assertEquals(Labels.TIE, Labels.argMax(new float[] {0, 0, 0, 0}), "a collapsed net's scores all tie");
        assertEquals(2, Labels.argMax(new float[] {5, 5, 9}));
        assertEquals(0, Labels.argMax(new float[] {9, 5, 5}), "a tie below the top does not matter");
    }
}
