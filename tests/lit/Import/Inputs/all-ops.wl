// Every named operator of the DSL, a generic einsum and repeats, for import and lowering.
workload all_ops {
  let N = 2;
  let D = 64 * 4;
  param S = 128 in {128, 256};
  tensor x[N, 3, 32, 32] int8;
  tensor tokens[N, S, D] fp16;
  tensor W[D, D] fp16;
  tensor Wc[8, 5] int8;
  tensor B1[N, D, 32] fp16;
  cv = conv2d(x, out=16, kernel=[3, 3], stride=2, pad=1, dilation=1, groups=1, bias=true);
  gc = conv2d(cv, out=16, kernel=3, pad=2, dilation=2, groups=4);
  d = depthwise_conv2d(gc, kernel=3, pad=1, multiplier=2, bias=true) int16;
  p = maxpool(d, kernel=2);
  ap = avgpool(d, kernel=3, stride=2, pad=1);
  bn = batchnorm(p, scale=true, shift=true);
  r6 = relu6(bn);
  g = global_avgpool(r6);
  f = flatten(g);
  fc = matmul(f, out=10, bias=true);
  conv: O[n, k, q] += x[n, c, 2*q + s, 0] * Wc[k, c + s] for n < N, k < 8, c < 3, q < 15, s < 3;
  repeat 2 {
    h = matmul(tokens, W);
    ln = layernorm(h, scale=true, shift=true);
    a = attention(ln, heads=4, kv_len=S, kv_heads=2);
    repeat 3 { r = gelu(a); }
  }
  bm = batch_matmul(a, B1);
  sm = softmax(bm);
  s2 = add(sm, sm);
  rs = reshape(s2, shape=[N, 4096]);
  cc = concat(rs, rs, axis=1);
  sl = slice(cc, dim=1, start=4096, size=16);
  rms = rmsnorm(sl, scale=true);
  e = embedding_bag(tables=2, rows=[100, 200], dim=16, pooling=[1, 4], batch=N) fp32;
  e2 = embedding_bag(tables=3, rows=10, dim=8, pooling=2, batch=N) fp32;
}
