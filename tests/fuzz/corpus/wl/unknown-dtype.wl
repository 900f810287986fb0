// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  tensor t[4] int9;
}
// CHECK: {{.*}}unknown-dtype.wl:5:15: error: unknown data type 'int9'
// CHECK: hint: did you mean 'int4'?
// CHECK: 1 error generated.
