// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  param S = 128 in {128, 256};
  tensor h[1, S, 768] fp16;
  a = slice(h, dim=3, start=0);
  b = slice(h, dim=1, start=S-1, size=2);
  c = slice(h, dim=1);
  d = slice(h, start=0, size=1);
}
// CHECK: {{.*}}slice-range.wl:5:16: error: dim 3 is out of range for 'h' [1, 128, 768] (dims count from 0)
// CHECK: {{.*}}slice-range.wl:6:23: error: slice [127, 129) does not fit dim 1 of 'h' [1, 128, 768]
// CHECK: hint: start + size must be at most 128
// CHECK: {{.*}}slice-range.wl:7:7: error: 'slice' needs 'start='
// CHECK: {{.*}}slice-range.wl:8:7: error: 'slice' needs 'dim='
// CHECK: 4 errors generated.
