// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  tensor v[16] fp16;
  tensor t[2, 8] fp16;
  b = batchnorm(v, scale=true);
  r = rmsnorm(t, scale=true, bias=true);
  s = relu6(t, scale=true);
}
// batchnorm normalises per channel (axis 1): a rank-1 tensor has none.
// CHECK: {{.*}}norm-args.wl:5:17: error: 'batchnorm' needs an input of rank >= 2, but 'v' has shape [16]
// CHECK: {{.*}}norm-args.wl:6:30: error: unknown argument 'bias' of 'rmsnorm'
// CHECK: hint: 'rmsnorm' takes: scale shift
// CHECK: {{.*}}norm-args.wl:7:16: error: unknown argument 'scale' of 'relu6'
// CHECK: hint: 'relu6' takes no attributes
// CHECK: 3 errors generated.
