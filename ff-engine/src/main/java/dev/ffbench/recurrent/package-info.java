/**
 * FF Recurrent, Hinton's recurrent network with top-down connections: a static image is a video of
 * identical frames, the label is clamped as the top layer, and every hidden layer is recomputed at
 * each time step from the normalized states below and above it at the previous step, with damping.
 * Each layer learns with the local FF loss at every iteration; only the states of two consecutive
 * time steps are ever alive.
 */
package dev.ffbench.recurrent;
