// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  y = relu(x);
  y = relu(x);
}
// CHECK: {{.*}}duplicate-name.wl:6:3: error: duplicate name 'y'
// CHECK: {{.*}}duplicate-name.wl:5:3: note: previously defined here
// CHECK: 1 error generated.
