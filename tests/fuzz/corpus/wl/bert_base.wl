// BERT-base (uncased) encoder with its pooler, batch B, sequence length S.
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
// The pooler (a 768 x 768 dense layer and tanh on the [CLS] token) adds 589,824 * B
// MACs, which the refdata per-layer formula leaves out: 11,174,215,680 at S = 128.
// Parameters: the 109,482,240 of bert-base-uncased (BertModel) = matrices 108,770,304
// (7,077,888 per layer, 84,934,656 for 12, and embeddings 30522 * 768 + 512 * 768 +
// 2 * 768 = 23,835,648) + pooler 590,592 (768^2 weights + 768 biases) + 121,344
// biases and LayerNorm scales/shifts: per layer the Q, K, V and output biases
// 4 * 768, the FFN biases 3,072 + 768 and two LayerNorms 2 * 2 * 768, i.e. 9,984,
// x 12 = 119,808, plus the embedding LayerNorm's 1,536. Every one of them is carried
// here (bias=true; layernorm scale=true, shift=true), so `tessel check` prints
// 109,482,240 parameters.
//
// Modelling notes: one encoder layer sits in `repeat 12`; `tessel check` multiplies
// its MACs and parameters by 12 (the weight bytes of the file, each tensor once, are
// the embeddings, one layer and the pooler). Following the DSL's repeat semantics
// every layer reads the embedding output h (a layer stack is its per-layer cost times
// 12), so the pooler's [CLS] row is sliced from h, the stack's output shape. Q.K^T,
// softmax and P.V are the `attention` operator, whose K and V operands are implicit
// inputs [B, S, 768]: the k_proj/v_proj outputs are computed (their MACs count) but
// cannot be wired into it. The embedding lookups are embedding_bag gathers (one row
// per token) summed with `add`. Dropout is an identity at inference. Activations and
// weights are fp16.
workload bert_base {
  param B = 1 in {1, 2, 4, 8, 16, 32};     // batch
  param S = 128 in {128, 256, 384, 512};   // sequence length (max 512 positions)

  tok = embedding_bag(tables=1, rows=30522, dim=768, pooling=1, batch=B*S) fp16;
  pos = embedding_bag(tables=1, rows=512, dim=768, pooling=1, batch=B*S) fp16;
  seg = embedding_bag(tables=1, rows=2, dim=768, pooling=1, batch=B*S) fp16;
  emb_sum = add(tok, pos);
  emb_sum2 = add(emb_sum, seg);
  emb_norm = layernorm(emb_sum2, scale=true, shift=true);
  h = reshape(emb_norm, shape=[B, S, 768]);

  repeat 12 {
    q_proj = matmul(h, out=768, bias=true);
    k_proj = matmul(h, out=768, bias=true);
    v_proj = matmul(h, out=768, bias=true);
    attn = attention(q_proj, heads=12);
    attn_out = matmul(attn, out=768, bias=true);
    attn_res = add(attn_out, h);
    attn_norm = layernorm(attn_res, scale=true, shift=true);
    ffn1 = matmul(attn_norm, out=3072, bias=true);
    ffn_act = gelu(ffn1);
    ffn2 = matmul(ffn_act, out=768, bias=true);
    ffn_res = add(ffn2, attn_norm);
    out_norm = layernorm(ffn_res, scale=true, shift=true);
  }

  cls = slice(h, dim=1, start=0, size=1);  // the [CLS] token of each sequence
  pooler = matmul(cls, out=768, bias=true);
  pooled = tanh(pooler);
}
