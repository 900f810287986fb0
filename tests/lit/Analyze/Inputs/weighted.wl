// The matmul of one.wl inside a weight block: every total counts it 2.5 times.
workload weighted {
  tensor x[16, 32] int16;
  weight 2.5 { a = matmul(x, out=24); }
}
