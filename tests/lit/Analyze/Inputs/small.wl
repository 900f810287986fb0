// Two FC layers (one repeated) and an activation; B = 16 is bandwidth-bound on toy.hw,
// B = 256 compute-bound.
workload small {
  param B = 16 in {16, 256};
  tensor x[B, 256] int8;
  fc1 = matmul(x, out=512);
  act = relu(fc1);
  repeat 4 { fc2 = matmul(act, out=512); }
}
