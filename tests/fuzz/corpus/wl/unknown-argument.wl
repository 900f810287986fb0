// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  y = conv2d(x, out=8, kernal=3);
}
// CHECK: {{.*}}unknown-argument.wl:5:24: error: unknown argument 'kernal' of 'conv2d'
// CHECK: hint: did you mean 'kernel'?
// CHECK: 1 error generated.
