// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  y = conv2d(x, out=8, kernel=3, groups=3);
}
// CHECK: {{.*}}groups.wl:5:34: error: groups=3 must divide input channels (16) and output channels (8)
// CHECK: 1 error generated.
