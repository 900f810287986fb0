// Two identical convolutions (c1, c2) and tensors with densities, for representative.test's
// density and identical-operator cases.
workload net {
  tensor x[1, 8, 16, 16] int16;
  density x = 0.5;
  c1 = conv2d(x, out=8, kernel=3, pad=1);
  density c1 = 0.4;
  density c1.weight = 0.7;
  c2 = conv2d(c1, out=8, kernel=3, pad=1);
  c3 = conv2d(c2, out=16, kernel=1);
  e: Y[n, k] += c3[n, k, 0, 0] * c3[n, k, 1, 1] for n < 1, k < 16;
  density Y = 0.25;
}
