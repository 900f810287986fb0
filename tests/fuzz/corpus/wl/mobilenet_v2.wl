// MobileNetV2 (torchvision, width 1.0), 224x224, batch N.
//
// Sources: shared/reference/refdata.md §1.4 and layers.csv (rows mobilenetv2), extracted
// from ZigZag's zigzag/inputs/workload/mobilenetv2.onnx (a torchvision export);
// M. Sandler et al., "MobileNetV2: Inverted Residuals and Linear Bottlenecks", CVPR 2018
// (Table 2 block configuration; Table 4: 300 M multiply-adds, 3.4 M parameters).
//
// Published totals at N = 1 (refdata §1.4): 300,774,272 MACs and 3,469,760 weights
// (conv and fc weights; the paper's "3.4 M" rounds the same count; torchvision's
// 3,504,872 parameters also hold 34,112 batch-norm scales/shifts and 1,000 classifier
// biases, which the DSL does not model). The 17 inverted-residual blocks follow the
// paper's (t, c, n, s) table: (1,16,1,1) (6,24,2,2) (6,32,3,2) (6,64,4,2) (6,96,3,1)
// (6,160,3,2) (6,320,1,1);
// a block adds its input back when its stride is 1 and its width does not change.
// The 3x3 depthwise layers use depthwise_conv2d (G = C = K). Batch norm is folded into
// the convolutions; ReLU6 is written as relu (the DSL has no relu6; both are zero-MAC
// elementwise ops); the projections are linear (no activation), as in the paper.
// Weights and activations are int8 (weight bytes = weight count).
workload mobilenet_v2 {
  param N = 1 in {1, 2, 4, 8, 16, 32};     // batch
  tensor image[N, 3, 224, 224] int8;

  f0 = conv2d(image, out=32, kernel=3, stride=2, pad=1);
  f0_act = relu(f0);
  // features.1: depthwise 3x3 stride 1, project to 16
  f1_dw = depthwise_conv2d(f0_act, kernel=3, stride=1, pad=1);
  f1_dw_act = relu(f1_dw);
  f1_project = conv2d(f1_dw_act, out=16, kernel=1);
  // features.2: expand 6x, depthwise 3x3 stride 2, project to 24
  f2_expand = conv2d(f1_project, out=96, kernel=1);
  f2_expand_act = relu(f2_expand);
  f2_dw = depthwise_conv2d(f2_expand_act, kernel=3, stride=2, pad=1);
  f2_dw_act = relu(f2_dw);
  f2_project = conv2d(f2_dw_act, out=24, kernel=1);
  // features.3: expand 6x, depthwise 3x3 stride 1, project to 24, residual
  f3_expand = conv2d(f2_project, out=144, kernel=1);
  f3_expand_act = relu(f3_expand);
  f3_dw = depthwise_conv2d(f3_expand_act, kernel=3, stride=1, pad=1);
  f3_dw_act = relu(f3_dw);
  f3_project = conv2d(f3_dw_act, out=24, kernel=1);
  f3_out = add(f3_project, f2_project);
  // features.4: expand 6x, depthwise 3x3 stride 2, project to 32
  f4_expand = conv2d(f3_out, out=144, kernel=1);
  f4_expand_act = relu(f4_expand);
  f4_dw = depthwise_conv2d(f4_expand_act, kernel=3, stride=2, pad=1);
  f4_dw_act = relu(f4_dw);
  f4_project = conv2d(f4_dw_act, out=32, kernel=1);
  // features.5: expand 6x, depthwise 3x3 stride 1, project to 32, residual
  f5_expand = conv2d(f4_project, out=192, kernel=1);
  f5_expand_act = relu(f5_expand);
  f5_dw = depthwise_conv2d(f5_expand_act, kernel=3, stride=1, pad=1);
  f5_dw_act = relu(f5_dw);
  f5_project = conv2d(f5_dw_act, out=32, kernel=1);
  f5_out = add(f5_project, f4_project);
  // features.6: expand 6x, depthwise 3x3 stride 1, project to 32, residual
  f6_expand = conv2d(f5_out, out=192, kernel=1);
  f6_expand_act = relu(f6_expand);
  f6_dw = depthwise_conv2d(f6_expand_act, kernel=3, stride=1, pad=1);
  f6_dw_act = relu(f6_dw);
  f6_project = conv2d(f6_dw_act, out=32, kernel=1);
  f6_out = add(f6_project, f5_out);
  // features.7: expand 6x, depthwise 3x3 stride 2, project to 64
  f7_expand = conv2d(f6_out, out=192, kernel=1);
  f7_expand_act = relu(f7_expand);
  f7_dw = depthwise_conv2d(f7_expand_act, kernel=3, stride=2, pad=1);
  f7_dw_act = relu(f7_dw);
  f7_project = conv2d(f7_dw_act, out=64, kernel=1);
  // features.8: expand 6x, depthwise 3x3 stride 1, project to 64, residual
  f8_expand = conv2d(f7_project, out=384, kernel=1);
  f8_expand_act = relu(f8_expand);
  f8_dw = depthwise_conv2d(f8_expand_act, kernel=3, stride=1, pad=1);
  f8_dw_act = relu(f8_dw);
  f8_project = conv2d(f8_dw_act, out=64, kernel=1);
  f8_out = add(f8_project, f7_project);
  // features.9: expand 6x, depthwise 3x3 stride 1, project to 64, residual
  f9_expand = conv2d(f8_out, out=384, kernel=1);
  f9_expand_act = relu(f9_expand);
  f9_dw = depthwise_conv2d(f9_expand_act, kernel=3, stride=1, pad=1);
  f9_dw_act = relu(f9_dw);
  f9_project = conv2d(f9_dw_act, out=64, kernel=1);
  f9_out = add(f9_project, f8_out);
  // features.10: expand 6x, depthwise 3x3 stride 1, project to 64, residual
  f10_expand = conv2d(f9_out, out=384, kernel=1);
  f10_expand_act = relu(f10_expand);
  f10_dw = depthwise_conv2d(f10_expand_act, kernel=3, stride=1, pad=1);
  f10_dw_act = relu(f10_dw);
  f10_project = conv2d(f10_dw_act, out=64, kernel=1);
  f10_out = add(f10_project, f9_out);
  // features.11: expand 6x, depthwise 3x3 stride 1, project to 96
  f11_expand = conv2d(f10_out, out=384, kernel=1);
  f11_expand_act = relu(f11_expand);
  f11_dw = depthwise_conv2d(f11_expand_act, kernel=3, stride=1, pad=1);
  f11_dw_act = relu(f11_dw);
  f11_project = conv2d(f11_dw_act, out=96, kernel=1);
  // features.12: expand 6x, depthwise 3x3 stride 1, project to 96, residual
  f12_expand = conv2d(f11_project, out=576, kernel=1);
  f12_expand_act = relu(f12_expand);
  f12_dw = depthwise_conv2d(f12_expand_act, kernel=3, stride=1, pad=1);
  f12_dw_act = relu(f12_dw);
  f12_project = conv2d(f12_dw_act, out=96, kernel=1);
  f12_out = add(f12_project, f11_project);
  // features.13: expand 6x, depthwise 3x3 stride 1, project to 96, residual
  f13_expand = conv2d(f12_out, out=576, kernel=1);
  f13_expand_act = relu(f13_expand);
  f13_dw = depthwise_conv2d(f13_expand_act, kernel=3, stride=1, pad=1);
  f13_dw_act = relu(f13_dw);
  f13_project = conv2d(f13_dw_act, out=96, kernel=1);
  f13_out = add(f13_project, f12_out);
  // features.14: expand 6x, depthwise 3x3 stride 2, project to 160
  f14_expand = conv2d(f13_out, out=576, kernel=1);
  f14_expand_act = relu(f14_expand);
  f14_dw = depthwise_conv2d(f14_expand_act, kernel=3, stride=2, pad=1);
  f14_dw_act = relu(f14_dw);
  f14_project = conv2d(f14_dw_act, out=160, kernel=1);
  // features.15: expand 6x, depthwise 3x3 stride 1, project to 160, residual
  f15_expand = conv2d(f14_project, out=960, kernel=1);
  f15_expand_act = relu(f15_expand);
  f15_dw = depthwise_conv2d(f15_expand_act, kernel=3, stride=1, pad=1);
  f15_dw_act = relu(f15_dw);
  f15_project = conv2d(f15_dw_act, out=160, kernel=1);
  f15_out = add(f15_project, f14_project);
  // features.16: expand 6x, depthwise 3x3 stride 1, project to 160, residual
  f16_expand = conv2d(f15_out, out=960, kernel=1);
  f16_expand_act = relu(f16_expand);
  f16_dw = depthwise_conv2d(f16_expand_act, kernel=3, stride=1, pad=1);
  f16_dw_act = relu(f16_dw);
  f16_project = conv2d(f16_dw_act, out=160, kernel=1);
  f16_out = add(f16_project, f15_out);
  // features.17: expand 6x, depthwise 3x3 stride 1, project to 320
  f17_expand = conv2d(f16_out, out=960, kernel=1);
  f17_expand_act = relu(f17_expand);
  f17_dw = depthwise_conv2d(f17_expand_act, kernel=3, stride=1, pad=1);
  f17_dw_act = relu(f17_dw);
  f17_project = conv2d(f17_dw_act, out=320, kernel=1);
  f18 = conv2d(f17_project, out=1280, kernel=1);
  f18_act = relu(f18);
  pool = global_avgpool(f18_act);
  flat = flatten(pool);
  classifier = matmul(flat, out=1000);
}
