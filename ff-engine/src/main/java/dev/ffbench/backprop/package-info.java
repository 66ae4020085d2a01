/**
 * The backprop baseline: the same hidden layers as FF (same widths, the same length normalization
 * unless disabled, the same optimizer and dtype) plus a softmax head, trained end to end with
 * cross-entropy and one global backward pass.
 */
package dev.ffbench.backprop;
