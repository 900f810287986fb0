// The hand-written equivalent of ../linalg-import.mlir.
workload small_hand {
  tensor a[8, 16] fp32;
  tensor b[16, 32] fp32;
  tensor x[1, 3, 10, 10] fp32;
  tensor v[32] fp32;
  mm = matmul(a, b);
  conv = conv2d(x, out=4, kernel=3);
  gemv: y[i] += mm[i, j] * v[j] for i < 8, j < 32;
}
