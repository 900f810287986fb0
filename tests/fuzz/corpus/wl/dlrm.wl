// DLRM-DCNv2, the MLPerf recommendation benchmark (Criteo 1TB, multi-hot), batch B.
//
// Sources: shared/reference/refdata.md §1.8(b) [V: facebookresearch/dlrm @090956e
// torchrec_dlrm/README.MD lines 45, 158-224]: 26 sparse features with embedding dim 128,
// rows per table (capped at 40 M; 204,184,588 in total), multi-hot sizes (pooling
// factors, sum pooling; 214 lookups per sample), bottom MLP 13-512-256-128, DCN-v2
// interaction of 3 low-rank (512) cross layers, top MLP 1024-1024-512-256-1;
// R. Wang et al., "DCN V2: Improved Deep & Cross Network", WWW 2021 (cross layer
// x_{l+1} = x_0 * (U (V x_l) + b) + x_l); M. Naumov et al., "Deep Learning
// Recommendation Model for Personalization and Recommendation Systems", 2019.
//
// Published totals (refdata §1.8, per sample, i.e. B = 1): MACs bottom 170,496 + DCN
// 3 * 2 * 3456 * 512 = 10,616,832 + top 5,243,136 (input 27 * 128 = 3456) =
// 16,030,464; embedding bytes read per sample (fp32) 214 * 128 * 4 = 109,568
// (embedding_bag gathers 214 * 128 = 27,392 elements per sample); embedding tables
// 204,184,588 * 128 * 4 B = 104,542,509,056 B (the README's "104.54 GiB" is GB, i.e.
// 97.36 GiB). Dense weights 16,030,464 (= the MACs per sample) x 4 B = 64,121,856 B.
// Biases (bias=true): every MLP layer (bottom 512 + 256 + 128, top 1024 + 1024 + 512 +
// 256 + 1) and each cross layer's b, added after U (3 x 3456; V has none) = 14,081,
// so the parameters are 26,135,627,264 table entries + 16,030,464 + 14,081 =
// 26,151,671,809 (derived here, not a published figure). Tables and MLPs are fp32
// (the reference model's training precision, the one the published byte figures use).
workload dlrm_dcnv2 {
  param B = 1 in {1, 128, 512, 2048, 8192, 65536};  // samples per batch
  tensor dense[B, 13] fp32;                          // 13 dense (integer) features

  bot1 = matmul(dense, out=512, bias=true);
  bot1_act = relu(bot1);
  bot2 = matmul(bot1_act, out=256, bias=true);
  bot2_act = relu(bot2);
  bot3 = matmul(bot2_act, out=128, bias=true);
  bot3_act = relu(bot3);

  emb = embedding_bag(tables=26, dim=128, batch=B,
      rows=[40000000, 39060, 17295, 7424, 20265, 3, 7122, 1543, 63, 40000000, 3067956,
            405282, 10, 2209, 11938, 155, 4, 976, 14, 40000000, 40000000, 40000000,
            590152, 12973, 108, 36],
      pooling=[3, 2, 1, 2, 6, 1, 1, 1, 1, 7, 3, 8, 1, 6, 9, 5, 1, 1, 1, 12, 100, 27, 10,
               3, 1, 1]) fp32;

  x0 = concat(bot3_act, emb, axis=1);                // [B, 3456]
  cross1_v = matmul(x0, out=512);
  cross1_u = matmul(cross1_v, out=3456, bias=true);
  cross1_mul = mul(x0, cross1_u);
  cross1 = add(cross1_mul, x0);
  cross2_v = matmul(cross1, out=512);
  cross2_u = matmul(cross2_v, out=3456, bias=true);
  cross2_mul = mul(x0, cross2_u);
  cross2 = add(cross2_mul, cross1);
  cross3_v = matmul(cross2, out=512);
  cross3_u = matmul(cross3_v, out=3456, bias=true);
  cross3_mul = mul(x0, cross3_u);
  cross3 = add(cross3_mul, cross2);

  top1 = matmul(cross3, out=1024, bias=true);
  top1_act = relu(top1);
  top2 = matmul(top1_act, out=1024, bias=true);
  top2_act = relu(top2);
  top3 = matmul(top2_act, out=512, bias=true);
  top3_act = relu(top3);
  top4 = matmul(top3_act, out=256, bias=true);
  top4_act = relu(top4);
  top5 = matmul(top4_act, out=1, bias=true);
  ctr = sigmoid(top5);
}
