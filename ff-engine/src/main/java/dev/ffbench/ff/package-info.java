/**
 * FF Base, Hinton's supervised Forward-Forward: the label is embedded in the input, every layer
 * learns locally to give positive data (true label) high goodness and negative data (a wrong
 * label) low goodness, and prediction picks the label whose input the net finds best. Training
 * streams batches through the frozen lower layers (layerwise) or climbs the whole stack per batch
 * (simultaneous); no whole-dataset cache and no activations beyond one layer's are kept.
 */
package dev.ffbench.ff;
