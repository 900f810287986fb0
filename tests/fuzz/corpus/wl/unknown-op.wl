// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  y = conv2(x, out=8, kernel=3);
}
// CHECK: {{.*}}unknown-op.wl:5:7: error: unknown operator 'conv2'
// CHECK: hint: did you mean 'conv2d'?
// CHECK: 1 error generated.
