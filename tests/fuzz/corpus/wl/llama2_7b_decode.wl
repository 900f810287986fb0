// Llama-2-7B decode: one step generating S new tokens (S = 1: plain autoregressive
// decoding) for each of B sequences, attending over a KV cache of L tokens.
//
// Sources: shared/reference/refdata.md §1.7 (shapes from HF meta-llama/Llama-2-7b-hf
// config.json: 32 layers, hidden 4096, 32 heads of 128, 32 KV heads, SwiGLU FFN 11008,
// vocabulary 32000, untied embeddings, RMSNorm, no biases); H. Touvron et al.,
// "Llama 2: Open Foundation and Fine-Tuned Chat Models", 2023; roofline figures §5.4.
//
// Published totals (refdata §1.7, S = 1, KVH = 32): MACs per layer = 202,375,168 * B +
// 8,192 * B * L; 32 layers at B = 1: L = 128 -> 6.51 G, L = 2048 -> 7,012,876,288
// (7.01 G), L = 4096 -> 7.55 G; plus the lm_head, 131,072,000 * B. KV cache (fp16):
// 2 (K, V) * 32 layers * 32 heads * 128 * 2 B = 524,288 B per cached token, i.e.
// 16,384 B per token per layer: the attention inputs below are 2 * L * KVH * 128 * 2 B
// per layer (33,554,432 B at L = 2048). Weights (fp16) 2 * 6.74e9 = 13.48 GB per step;
// at B = 1 the step is memory-bound (refdata §5.4: >= 4.02 ms on an H100 SXM).
// Parameters 6,738,415,616 = the 6,738,149,376 matrix weights + 266,240 RMSNorm scales
// (rmsnorm scale=true), all carried here (see llama2_7b_prefill.wl). With repeats the
// KV cache inputs are 32 layers x L x 16,384 B = 1,073,741,824 B (1 GiB) at L = 2048.
//
// Modelling notes: as in llama2_7b_prefill.wl: `repeat 32` (MACs and parameters x 32;
// each tensor once, the weights are 2 * (131,072,000 + 202,383,360 + 4,096 +
// 131,072,000) = 929,062,912 B at KVH = 32), every layer reads the embedding output,
// the final norm reads it as the stack's output; the attention's implicit K and V
// inputs [B, L, KVH * 128] are the KV cache
// (the new token's k_proj/v_proj outputs are computed but the DSL cannot append them
// to it; L counts the cached tokens the step attends over). The lm_head applies to
// every new token.
workload llama2_7b_decode {
  param B = 1 in {1, 2, 4, 8, 16, 32, 64, 128};     // batch (sequences)
  param S = 1 in {1, 2, 4, 8};                      // new tokens per step (>1: speculative)
  param L = 2048 in {128, 512, 1024, 2048, 4096};   // KV-cache length attended over
  param KVH = 32 in {1, 4, 8, 32};                  // KV heads: 32 = MHA (Llama-2-7B)

  embed = embedding_bag(tables=1, rows=32000, dim=4096, pooling=1, batch=B*S) fp16;
  h = reshape(embed, shape=[B, S, 4096]);

  repeat 32 {
    attn_norm = rmsnorm(h, scale=true);
    q_proj = matmul(attn_norm, out=4096);
    k_proj = matmul(attn_norm, out=KVH*128);
    v_proj = matmul(attn_norm, out=KVH*128);
    attn = attention(q_proj, heads=32, kv_heads=KVH, kv_len=L);
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
  lm_head = matmul(final_norm, out=32000);
}
