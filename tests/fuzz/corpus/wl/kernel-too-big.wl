// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  y = conv2d(x, out=8, kernel=11);
}
// CHECK: {{.*}}kernel-too-big.wl:5:24: error: kernel 11x11 (dilated 11x11) does not fit the padded input 8x8 of 'x'
// CHECK: 1 error generated.
