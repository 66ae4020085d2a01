package dev.ffbench.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder is the one place the sixteen positional fields are written: each name lands in its own field. */
class MatrixParametersTest {
    static final MatrixParameters EVERY_FIELD = MatrixParameters.builder().algorithms("backprop").depths("2").widths("16")
            .goodness("symba").seeds("7").dataset("mnist").epochs("3").batchSize("50").learningRate("0.01")
            .schedule("layerwise").maxStepsPerEpoch("4").threads("1").settings("normalize=false")
            .includes(List.of(Map.of("depth", "2"))).excludes(List.of(Map.of("width", "16")))
            .extraCells(List.of(Map.of("depth", "8"))).build();

    @Test
    void everyNamedParameterLandsInItsOwnField() {
        MatrixParameters p = EVERY_FIELD;
        assertEquals(List.of("backprop"), p.algorithms());
        assertEquals(List.of("2"), p.depths());
        assertEquals(List.of("16"), p.widths());
        assertEquals(List.of("symba"), p.goodness());
        assertEquals(List.of("7"), p.seeds());
        assertEquals("mnist", p.dataset());
        assertEquals("3", p.epochs());
        assertEquals("50", p.batchSize());
        assertEquals("0.01", p.learningRate());
        assertEquals("layerwise", p.schedule());
        assertEquals("4", p.maxStepsPerEpoch());
        assertEquals("1", p.threads());
        assertEquals(List.of("normalize=false"), p.settings());
        assertEquals(List.of(Map.of("depth", "2")), p.includes());
        assertEquals(List.of(Map.of("width", "16")), p.excludes());
        assertEquals(List.of(Map.of("depth", "8")), p.extraCells());
    }

    @Test
    void toBuilderKeepsEveryFieldAndChangesOnlyWhatIsSet() {
        assertEquals(EVERY_FIELD, EVERY_FIELD.toBuilder().build());
        MatrixParameters deeper = EVERY_FIELD.toBuilder().depths("4", "6").build();
        assertEquals(List.of("4", "6"), deeper.depths());
        assertEquals(EVERY_FIELD, deeper.toBuilder().depths("2").build());
    }

    @Test
    void nothingSetIsTheDefaultMatrix() {
        MatrixParameters none = MatrixParameters.defaults();
        assertEquals(List.of(), none.algorithms());
        assertEquals(null, none.dataset());
        assertEquals(List.of(), none.extraCells());
    }
}
