/**
 * The backprop references: the same hidden layers as FF (same widths, the same length normalization
 * unless disabled, the same optimizer and dtype) plus a softmax head, trained end to end with
 * cross-entropy, at the memory floor of its backward pass ({@code backprop}), with activation
 * checkpointing ({@code backprop-checkpointed}) or with each layer's update during the backward pass
 * ({@code backprop-layerwise-update}): the same gradients, three memory figures.
 */
package dev.ffbench.backprop;
