// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  tensor x[1, 2] int8
  y = relu(x);
  z = relu(y;
}
// CHECK: {{.*}}syntax-wl.wl:3:22: error: expected ';' at end of statement
// CHECK: {{.*}}syntax-wl.wl:5:13: error: expected ')', found ';'
// CHECK: 2 errors generated.
