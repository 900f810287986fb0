// BERT-base (uncased) encoder, batch B, sequence length S.
//
// Sources: shared/reference/refdata.md §1.6 (shapes from HF bert-base-uncased
// config.json: 12 layers, hidden 768, 12 heads of 64, FFN 3072, vocabulary 30522,
// 512 positions, 2 token types); J. Devlin et al., "BERT: Pre-training of Deep
// Bidirectional Transformers for Language Understanding", NAACL 2019 ("110M").
//
// Published totals (refdata §1.6): MACs per layer = 7,077,888 * T + 1,536 * B * S^2
// with T = B * S (Q, K, V, output projections 4 * 768^2 and FFN 2 * 768 * 3072 per
// token; Q.K^T and P.V 2 * 12 * S^2 * 64 per sequence); 12 layers at B = 1:
// S = 128 -> 11,173,625,856 MACs (11.17 G), S = 384 -> 35.33 G, S = 512 -> 48.32 G.
// Weights: 7,077,888 per layer (84,934,656 for 12) and embeddings 30522 * 768 +
// 512 * 768 + 2 * 768 = 23,835,648, i.e. 108,770,304 matrix weights. The 109,482,240
// parameters of bert-base-uncased add 590,592 for the pooler (a dense layer on the
// [CLS] token, left out here: the DSL has no slice operator to take that token and
// the refdata totals exclude it) and 121,344 biases and LayerNorm scales/shifts,
// which the DSL does not model.
//
// Modelling notes: one encoder layer sits in `repeat 12`; `tessel check` multiplies
// its MACs by 12 and lists its weights once (so the printed weight bytes are the
// embeddings plus one layer: (23,835,648 + 7,077,888) * 2 B = 61,827,072 B in fp16).
// Following the DSL's repeat semantics every layer reads the embedding output (a layer
// stack is its per-layer cost times 12). Q.K^T, softmax and P.V are the `attention`
// operator, whose K and V operands are implicit inputs [B, S, 768]: the k_proj/v_proj
// outputs are computed (their MACs count) but cannot be wired into it. The embedding
// lookups are embedding_bag gathers (one row per token) summed with `add`. Dropout is
// an identity at inference; biases are folded into the following elementwise ops.
// Activations and weights are fp16.
workload bert_base {
  param B = 1 in {1, 2, 4, 8, 16, 32};     // batch
  param S = 128 in {128, 256, 384, 512};   // sequence length (max 512 positions)

  tok = embedding_bag(tables=1, rows=30522, dim=768, pooling=1, batch=B*S) fp16;
  pos = embedding_bag(tables=1, rows=512, dim=768, pooling=1, batch=B*S) fp16;
  seg = embedding_bag(tables=1, rows=2, dim=768, pooling=1, batch=B*S) fp16;
  emb_sum = add(tok, pos);
  emb_sum2 = add(emb_sum, seg);
  emb_norm = layernorm(emb_sum2);
  h = reshape(emb_norm, shape=[B, S, 768]);

  repeat 12 {
    q_proj = matmul(h, out=768);
    k_proj = matmul(h, out=768);
    v_proj = matmul(h, out=768);
    attn = attention(q_proj, heads=12);
    attn_out = matmul(attn, out=768);
    attn_res = add(attn_out, h);
    attn_norm = layernorm(attn_res);
    ffn1 = matmul(attn_norm, out=3072);
    ffn_act = gelu(ffn1);
    ffn2 = matmul(ffn_act, out=768);
    ffn_res = add(ffn2, attn_norm);
    out_norm = layernorm(ffn_res);
  }
}
