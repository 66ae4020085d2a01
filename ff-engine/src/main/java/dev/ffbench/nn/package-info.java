/**
 * The building blocks FF and backprop share, with hand-written gradients: length normalization,
 * a dense (linear) layer, ReLU, the optimizers (Adam, SGD), and pixel batches. Both algorithms use
 * these same kernels so that their comparison is like for like.
 */
package dev.ffbench.nn;
