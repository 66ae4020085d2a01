package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole runs give the figures they gave before the matrix products moved from {@code Nd4j.gemm} to
 * {@link dev.ffbench.nn.Gemm} (the same OpenBLAS, called directly): every epoch's loss, both accuracies
 * to the last digit and the memory peaks to the byte. The expected figures were recorded by this test at
 * commit c0a2aaa, before the change (Double.toString, which round-trips).
 */
class GemmRunIdentityTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ff-base, softmax-all, layerwise | test 0.72 train 0.76 losses 1/1=0.5242910152757917 2/1=0.24442605823913668 1/2=0.697828356155855 2/2=0.661509931274684 trainingPeak MemoryBreakdown[parameters=107264, gradients=100480, optimizerState=200960, transientBytes=228352] evaluationPeak MemoryBreakdown[parameters=107264, gradients=0, optimizerState=0, transientBytes=244992]",
        "ff-base, goodness, simultaneous | test 0.07 train 0.0325 losses 1/1=0.5242910152757917 1/2=0.715156217240758 2/1=0.24442605823913668 2/2=0.6949360932913192 trainingPeak MemoryBreakdown[parameters=104704, gradients=104704, optimizerState=209408, transientBytes=252160] evaluationPeak MemoryBreakdown[parameters=104704, gradients=0, optimizerState=0, transientBytes=234240]",
        "backprop, , | test 0.64 train 0.795 losses 1/0=2.178126331852668 2/0=1.9646270961696028 trainingPeak MemoryBreakdown[parameters=106024, gradients=106024, optimizerState=212048, transientBytes=434688] evaluationPeak MemoryBreakdown[parameters=106024, gradients=0, optimizerState=0, transientBytes=418048]",
        "ff-base, softmax-all, layerwise, mnist-sample | test 0.8092447916666666 train 0.7994791666666666 losses 1/1=0.5238985424199007 2/1=0.21527630260735028 1/2=0.5792028547760867 2/2=0.36745660519374446 trainingPeak MemoryBreakdown[parameters=2612000, gradients=1042000, optimizerState=2084000, transientBytes=5211136] evaluationPeak MemoryBreakdown[parameters=2612000, gradients=0, optimizerState=0, transientBytes=3376128]",
        "backprop, , , mnist-sample | test 0.8756510416666666 train 0.8873697916666666 losses 1/0=1.5107649239671375 2/0=0.5487743355043656 trainingPeak MemoryBreakdown[parameters=2592040, gradients=2592040, optimizerState=5184080, transientBytes=3655680] evaluationPeak MemoryBreakdown[parameters=2592040, gradients=0, optimizerState=0, transientBytes=2630656]"
    })
    void lossesAccuracyAndMemoryAreThoseOfNd4jGemm(String cell, String expected) {
        String[] parts = cell.split(",", -1);
        String algorithm = parts[0].trim();
        Map<String, String> settings = new java.util.LinkedHashMap<>(Map.of("epochs", "2", "maxStepsPerEpoch", "0",
                "batchSize", "64"));
        if (algorithm.equals("ff-base")) {
            settings.put("readout", parts[1].trim());
            settings.put("schedule", parts[2].trim());
            // the figures were recorded before peer normalization became FF Base's default
            settings.put("peerNormalization", "0");
        }
        if (parts.length > 3) {
            // the engine's sizes and both threads: OpenBLAS's threaded paths and the kernels' split rows
            settings.putAll(Map.of("dataset", parts[3].trim(), "width", "500", "maxStepsPerEpoch", "6", "batchSize", "256",
                    "threads", "2"));
        }
        ExperimentResult result = ExperimentRunner.engine().run(Specs.small(algorithm, 2, settings));
        String figures = "test " + result.testAccuracy() + " train " + result.trainAccuracy() + " losses "
                + result.losses().stream().map(l -> l.epoch() + "/" + l.layer() + "=" + l.loss())
                        .collect(Collectors.joining(" "))
                + " trainingPeak " + result.memory().trainingPeak() + " evaluationPeak " + result.memory().evaluationPeak();
        System.out.println("FIGURES " + cell + " | " + figures);
        assertEquals(expected, figures);
    }
}
