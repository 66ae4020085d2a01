package dev.ffbench.ff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void argMaxPicksTheHighestScoreAndNoLabelOnATie() {
        assertEquals(Labels.TIE, Labels.argMax(new float[] {1, 2, 3, 0, 9, 9}), "a tie for the top is no prediction");
        assertEquals(Labels.TIE, Labels.argMax(new float[] {0, 0, 0, 0}), "a collapsed net's scores all tie");
        assertEquals(2, Labels.argMax(new float[] {5, 5, 9}));
        assertEquals(0, Labels.argMax(new float[] {9, 5, 5}), "a tie below the top does not matter");
    }
}
