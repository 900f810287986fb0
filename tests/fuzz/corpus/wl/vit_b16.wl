// ViT-B/16 image classifier, 224x224, batch B.
//
// Sources: A. Dosovitskiy et al., "An Image is Worth 16x16 Words: Transformers for Image
// Recognition at Scale", ICLR 2021 (Table 1: ViT-Base, 12 layers, hidden 768, MLP 3072,
// 12 heads, 86M parameters); HF google/vit-base-patch16-224 config.json (patch 16,
// image 224, hidden 768, intermediate 3072, 12 heads, 12 layers, qkv_bias) [V]; timm
// vit_base_patch16_224 model card ("Params (M): 86.6, GMACs: 17.6") [M]. ViT is not in
// shared/reference/refdata.md; the totals below are derived here and reconcile exactly.
//
// Totals at B = 1 (T = 197 tokens: 14 x 14 patches + the class token):
//   MACs: patch embedding 196 * 768 * 768 = 115,605,504; per layer 3 * 197 * 768^2
//   (Q, K, V) + 2 * 12 * 197^2 * 64 (Q.K^T, P.V) + 197 * 768^2 (output) +
//   2 * 197 * 768 * 3072 (MLP) = 1,453,954,560, x 12 = 17,447,454,720; head 768 * 1000
//   = 768,000; total 17,563,828,224 (timm's 17.6 GMACs).
//   Parameters 86,567,656 (timm/torchvision count) = matrices 86,292,480 (patch 589,824
//   + 12 * 7,077,888 + head 768,000) + class token 768 + position embeddings 151,296
//   + 84,712 biases (patch 768, per layer 3 * 768 + 768 + 3072 + 768 = 6,912, head
//   1,000) + 38,400 LayerNorm scales/shifts (2 * 2 * 768 per layer + 2 * 768 final),
//   all carried here (bias=true; layernorm scale=true, shift=true).
//
// Modelling notes: the patch embedding is conv2d(kernel 16, stride 16); the DSL has no
// transpose, so the [B, 768, 14, 14] -> [B, 196, 768] token layout change is written as
// a reshape (same elements, no MACs). The class token and the position embeddings are
// learned tables, written as embedding_bag lookups so that they count as weights. One
// encoder layer sits in `repeat 12` (MACs and parameters x 12), every layer reads the
// embedded tokens (the DSL's repeat semantics). The head reads the final LayerNorm's
// class-token row, taken with `slice`. Q.K^T, softmax and P.V are the `attention`
// operator (its K, V operands are implicit inputs; k_proj/v_proj are computed but not
// wired into it). Activations and weights are fp16.
workload vit_b16 {
  param B = 1 in {1, 2, 4, 8, 16, 32, 64};  // batch
  tensor image[B, 3, 224, 224] fp16;

  patch = conv2d(image, out=768, kernel=16, stride=16, bias=true);
  patch_tokens = reshape(patch, shape=[B, 196, 768]);   // stands for the transpose
  cls_lookup = embedding_bag(tables=1, rows=1, dim=768, pooling=1, batch=B) fp16;
  cls = reshape(cls_lookup, shape=[B, 1, 768]);
  tokens = concat(cls, patch_tokens, axis=1);
  pos_lookup = embedding_bag(tables=1, rows=197, dim=768, pooling=1, batch=B*197) fp16;
  pos = reshape(pos_lookup, shape=[B, 197, 768]);
  x = add(tokens, pos);

  repeat 12 {
    norm1 = layernorm(x, scale=true, shift=true);
    q_proj = matmul(norm1, out=768, bias=true);
    k_proj = matmul(norm1, out=768, bias=true);
    v_proj = matmul(norm1, out=768, bias=true);
    attn = attention(q_proj, heads=12);
    attn_out = matmul(attn, out=768, bias=true);
    attn_res = add(attn_out, x);
    norm2 = layernorm(attn_res, scale=true, shift=true);
    fc1 = matmul(norm2, out=3072, bias=true);
    fc1_act = gelu(fc1);
    fc2 = matmul(fc1_act, out=768, bias=true);
    mlp_res = add(fc2, attn_res);
  }

  final_norm = layernorm(x, scale=true, shift=true);
  cls_out = slice(final_norm, dim=1, start=0, size=1);  // the class token
  head = matmul(cls_out, out=1000, bias=true);
}
