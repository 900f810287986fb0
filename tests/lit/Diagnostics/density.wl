// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  param zeros = 0.4 in {0.2, 0.4};
  tensor x[1, 16, 8, 8] int8;
  density x = 1 - zeros;
  y = relu(x);
  density y = 1.5;
  density yy = 0.5;
  density x = 0.5;
  density z = 0.5;
  z = relu(y);
  density = relu(z);
  density density = 0;
  w = conv2d(x, out=4, kernel=3);
  density w.weight = 0.5;
  density w.wieght = 0.5;
}
// CHECK: {{.*}}density.wl:7:15: error: density is the fraction of non-zero elements, in (0, 1]; got 1.5
// CHECK: {{.*}}density.wl:8:11: error: density of unknown tensor 'yy'
// CHECK: hint: did you mean 'y'?
// CHECK: {{.*}}density.wl:9:11: error: density of 'x' given twice
// CHECK: {{.*}}density.wl:5:11: note: first given here
// CHECK: {{.*}}density.wl:10:11: error: density of unknown tensor 'z'
// CHECK: {{.*}}density.wl:13:21: error: density is the fraction of non-zero elements, in (0, 1]; got 0
// CHECK: {{.*}}density.wl:16:11: error: density of unknown tensor 'w.wieght'
// CHECK: hint: did you mean 'w.weight'?
// CHECK: 6 errors generated.
