// Two small layers with the same shape (searched once) and one other.
workload small {
  tensor x[16, 32] int16;
  a = matmul(x, out=24);
  b = matmul(a, out=24);
  c = matmul(a, out=24);
}
