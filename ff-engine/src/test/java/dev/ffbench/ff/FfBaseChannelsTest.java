package dev.ffbench.ff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.dataset.Dataset;
import dev.ffbench.dataset.DatasetFiles;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.dataset.MnistSample;
import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.experiment.ExperimentRunner;
import dev.ffbench.experiment.Specs;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FF Base learns real digits in 3 channels as it does in one: the first 3,000 training and 1,000 test
 * digits of mnist-sample, once as they are (28x28) and once padded to 32x32 and copied into 3 channels,
 * as a colour dataset of grey images is. Before the first layer's step was divided by the channel
 * count, every unit of layer 1 died in the first epoch on the 3-channel copy and it scored chance.
 */
class FfBaseChannelsTest {
    private static final int TRAIN = 3000;
    private static final int TEST = 1000;

    @TempDir
    Path dir;

    /** The first {@code count} images of {@code set}, centred in a {@code side} x {@code side} frame, each value in every channel. */
    static ImageSet copied(ImageSet set, int count, int side, int channels) {
        int pad = (side - set.width()) / 2;
        byte[] pixels = new byte[count * side * side * channels];
        for (int i = 0; i < count; i++) {
            for (int y = 0; y < set.height(); y++) {
                for (int x = 0; x < set.width(); x++) {
                    byte value = (byte) set.pixel(i, y * set.width() + x);
                    for (int c = 0; c < channels; c++) {
                        pixels[((i * side + y + pad) * side + x + pad) * channels + c] = value;
                    }
                }
            }
        }
        return new ImageSet(count, side, side, channels, pixels, java.util.Arrays.copyOf(set.labels(), count));
    }

    private ExperimentResult train(Dataset digits, int side, int channels) {
        Dataset data = new Dataset("digits", copied(digits.train(), TRAIN, side, channels),
                copied(digits.test(), TEST, side, channels), 10);
        Path files = DatasetFiles.writeIdx(data, dir.resolve(side + "x" + channels), DatasetFiles.DASHED, 0);
        return ExperimentRunner.engine().run(Specs.with(Map.of("algorithm", "ff-base", "dataset", "idx:" + files,
                "depth", "2", "width", "200", "epochs", "2", "batchSize", "64")));
    }

    @Test
    void ffBaseLearnsThreeChannelDigitsAsItLearnsOneChannel() {
        Dataset digits = new MnistSample().load();
        ExperimentResult grey = train(digits, 28, 1);
        ExperimentResult colour = train(digits, 32, 3);
        assertEquals(3, colour.dataset().channels());
        assertTrue(grey.testAccuracy() > 0.7, "one channel: test accuracy " + grey.testAccuracy());
        assertTrue(colour.testAccuracy() > 0.7, "3 channels: test accuracy " + colour.testAccuracy()
                + " (chance " + colour.evaluation().chanceAccuracy() + "); layer 1's dead units "
                + colour.evaluation().deadUnitFractions());
        assertTrue(colour.evaluation().deadUnitFractions().get(0) < 0.5,
                "layer 1 lives on 3 channels: dead units " + colour.evaluation().deadUnitFractions());
        assertEquals(grey.testAccuracy(), colour.testAccuracy(), 0.05,
                "3 channels (" + colour.testAccuracy() + ") within 5 points of one (" + grey.testAccuracy() + ")");
    }
}
