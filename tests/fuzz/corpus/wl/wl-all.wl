// RUN: tessel compile --emit=ast %s | diff -u %S/Inputs/wl-all.ast -
// RUN: tessel check %s | FileCheck %s
// MACs by hand: cv 2*16*3*3*3*16*16 = 221,184; d 2*16*1*3*3*16*16 = 73,728;
// conv 2*8*3*15*3 = 2,160; h 2*(2*128)*256*256 = 33,554,432 (2 repeats);
// a 2 repeats * 2*B*H*S*L*Dh = 2*2*2*4*128*128*64 = 33,554,432; total 67,405,936.
// Parameters: cv 16*3*3*3 = 432, d 16*1*3*3 = 144 (int8), e (100+200)*16 = 4,800
// (fp32, 19,200 B); W is a declared tensor (an input), not a parameter.
// CHECK: op kind output repeat MACs params
// CHECK: cv conv2d [2,16,16,16] x1 221,184 432
// CHECK: d depthwise_conv2d [2,16,16,16] x1 73,728 144
// CHECK: conv einsum [2,8,15] x1 2,160 0
// CHECK: h matmul [2,128,256] x2 33,554,432 0
// CHECK: a attention [2,128,256] x2 33,554,432 0
// CHECK: r gelu [2,128,256] x6 0 0
// CHECK: e embedding_bag [2,32] x1 0 4,800
// CHECK: total MACs: 67,405,936
// CHECK: parameters: 5,376 (19,776 B)
// Every .wl construct: lets, params, tensors, named ops with keyword and list
// arguments, dtype overrides, einsums with affine indices, nested repeats.
workload full {
  let N = 2;
  let D = 64 * 4;
  param S = 128 in {128, 256, 512};
  tensor x[N, 3, 32, 32] int8;
  tensor tokens[N, S, D] fp16;
  tensor W[D, D] fp16;
  tensor Wc[8, 5] int8;
  cv = conv2d(x, out=16, kernel=[3, 3], stride=2, pad=1, dilation=1, groups=1);
  d = depthwise_conv2d(cv, kernel=3, pad=1) int16;
  p = maxpool(d, kernel=2);
  g = global_avgpool(p);
  f = flatten(g);
  conv: O[n, k, q] += x[n, c, 2*q + s, 0] * Wc[k, c + s] for n < N, k < 8, c < 3, q < 15, s < 3;
  repeat 2 {
    h = matmul(tokens, W);
    a = attention(h, heads=4, kv_len=S);
    repeat 3 { r = gelu(a); }
  }
  e = embedding_bag(tables=2, rows=[100, 200], dim=16, pooling=[1, 4], batch=N) fp32;
}
