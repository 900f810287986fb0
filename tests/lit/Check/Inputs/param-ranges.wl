// Params with range domains, for the --param tests (param-override.test).
workload ranges {
  param T = 64 in 16..256 step 16;   // stepped range
  param K = 3 in 1..7;               // range without a step
  tensor x[T, 8] fp16;
  y = matmul(x, out=K);
}
