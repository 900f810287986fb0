// One small matmul, for comparison with weighted.wl.
workload one {
  tensor x[16, 32] int16;
  a = matmul(x, out=24);
}
