// One 3x3 convolution: 16 * 8 * 9 * 16 * 16 = 294,912 MACs.
workload conv {
  tensor x[1, 8, 16, 16] int8;
  c = conv2d(x, out=16, kernel=3, pad=1);
}
