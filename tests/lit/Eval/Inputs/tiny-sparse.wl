// tiny.wl with measured densities, for run-length coding (tests/lit/Eval/compress.test).
workload tiny_sparse {
  param zeros = 0.7 in {0.5, 0.7};
  tensor x[1, 2, 6, 6] int16;
  density x = 1 - zeros;
  conv = conv2d(x, out=4, kernel=3);
  density conv = 0.5;
  density conv.weight = 0.25;               // unused: tiny-rlc.hw codes inputs and outputs
}
