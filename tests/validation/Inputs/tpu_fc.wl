// A fully connected layer Y[B, 2048] = X[B, 2048] * W[2048, 2048] (int8) for the TPU v1
// roofline-model checks of tests/validation/TpuChecks.cpp: at B = 200 (MLP0's batch, refdata
// 4.2) the layer is bound by DDR3 bandwidth, at B = 8192 by the 256 x 256 array.
workload tpu_fc {
  param B = 200 in {200, 8192};
  tensor x[B, 2048] int8;
  fc = matmul(x, out=2048);
}
