// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  a = conv2d(x, out=32, kernel=1);
  b = add(a, x);
}
// CHECK: {{.*}}shape-mismatch.wl:6:14: error: 'add' needs equal shapes, got 'a' [1, 32, 8, 8] and 'x' [1, 16, 8, 8]
// CHECK: 1 error generated.
