// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  y = relu(xx);
}
// CHECK: {{.*}}undefined-tensor.wl:5:12: error: use of undefined tensor 'xx'
// CHECK: hint: did you mean 'x'?
// CHECK: 1 error generated.
