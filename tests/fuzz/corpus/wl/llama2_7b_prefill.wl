// Llama-2-7B prefill: B sequences of S new tokens each, after P tokens already cached.
//
// Sources: shared/reference/refdata.md §1.7 (shapes from HF meta-llama/Llama-2-7b-hf
// config.json: 32 layers, hidden 4096, 32 heads of 128, 32 KV heads (no GQA), SwiGLU
// FFN 11008, vocabulary 32000, context 4096, untied embeddings, RMSNorm, no biases);
// H. Touvron et al., "Llama 2: Open Foundation and Fine-Tuned Chat Models", 2023 (7B).
//
// Published totals (refdata §1.7, P = 0, KVH = 32): MACs per layer = 202,375,168 * T +
// 8,192 * B * S^2 with T = B * S (causal mask not exploited); 32 layers at B = 1:
// S = 512 -> 3.384 T, S = 2048 -> 14,362,370,637,824 (14.362 T), S = 4096 -> 30.92 T;
// plus the lm_head on the last token of each sequence, 131,072,000 * B.
// Parameters 6,738,415,616 = 32 * 202,383,360 + 2 * 32000 * 4096 + 4096: the matrices
// 32 * 202,375,168 + 262,144,000 = 6,738,149,376 and the 266,240 RMSNorm scales
// (2 * 4096 per layer + 4096 final; rmsnorm scale=true), all carried here, so
// `tessel check` prints 6,738,415,616 parameters.
//
// Modelling notes: one decoder layer sits in `repeat 32`; `tessel check` multiplies its
// MACs and parameters by 32 (each tensor once, the fp16 weight bytes are embeddings +
// one layer + final norm + lm_head: 2 * (131,072,000 + 202,383,360 + 4,096 +
// 131,072,000) = 929,062,912 B at KVH = 32). Following the DSL's repeat semantics
// every layer reads the embedding output h, and the final norm reads h as the stack's
// output (same shape). The lm_head applies to the last position of each sequence only
// (generation): `slice` takes that row of the final norm. Q.K^T, softmax
// and P.V are the `attention` operator over kv_len = P + S keys with KVH KV heads
// (grouped-query attention when KVH < 32); its K and V operands are implicit inputs
// [B, P + S, KVH * 128] (the KV cache), so the k_proj/v_proj outputs are computed but
// not wired into it. Rotary embeddings are elementwise and omitted.
workload llama2_7b_prefill {
  param B = 1 in {1, 2, 4, 8, 16, 32};              // batch (sequences)
  param S = 2048 in {128, 512, 1024, 2048, 4096};   // new tokens per sequence
  param P = 0 in {0, 512, 1024, 2048};              // tokens already in the KV cache
  param KVH = 32 in {1, 4, 8, 32};                  // KV heads: 32 = MHA (Llama-2-7B)

  embed = embedding_bag(tables=1, rows=32000, dim=4096, pooling=1, batch=B*S) fp16;
  h = reshape(embed, shape=[B, S, 4096]);

  repeat 32 {
    attn_norm = rmsnorm(h, scale=true);
    q_proj = matmul(attn_norm, out=4096);
    k_proj = matmul(attn_norm, out=KVH*128);
    v_proj = matmul(attn_norm, out=KVH*128);
    attn = attention(q_proj, heads=32, kv_heads=KVH, kv_len=P+S);
    o_proj = matmul(attn, out=4096);
    attn_res = add(o_proj, h);
    ffn_norm = rmsnorm(attn_res, scale=true);
    gate_proj = matmul(ffn_norm, out=11008);
    gate_act = silu(gate_proj);
    up_proj = matmul(ffn_norm, out=11008);
    gated = mul(gate_act, up_proj);
    down_proj = matmul(gated, out=4096);
    ffn_res = add(down_proj, attn_res);
  }

  final_norm = rmsnorm(h, scale=true);
  last = slice(final_norm, dim=1, start=S-1, size=1);  // each sequence's last position
  lm_head = matmul(last, out=32000);
}
