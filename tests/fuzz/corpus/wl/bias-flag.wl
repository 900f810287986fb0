// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  tensor x[1, 16, 8, 8] int8;
  y = conv2d(x, out=8, kernel=3, bias=2);
  z = matmul(x, out=4, bias=[1, 0]);
  n = layernorm(x, scale=yes);
}
// CHECK: {{.*}}bias-flag.wl:4:34: error: 'bias' takes true or false
// CHECK: {{.*}}bias-flag.wl:5:24: error: 'bias' takes true or false
// CHECK: {{.*}}bias-flag.wl:6:26: error: use of undefined name 'yes'
// CHECK: 3 errors generated.
