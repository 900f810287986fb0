// MobileNetV2 (torchvision, width 1.0), 224x224, batch N.
//
// Sources: shared/reference/refdata.md §1.4 and layers.csv (rows mobilenetv2), extracted
// from ZigZag's zigzag/inputs/workload/mobilenetv2.onnx (a torchvision export);
// M. Sandler et al., "MobileNetV2: Inverted Residuals and Linear Bottlenecks", CVPR 2018
// (Table 2 block configuration; Table 4: 300 M multiply-adds, 3.4 M parameters).
//
// Published totals at N = 1 (refdata §1.4): 300,774,272 MACs and 3,469,760 weights
// (conv and fc weights; the paper's "3.4 M" rounds the same count). torchvision's
// 3,504,872 parameters add the 34,112 batch-norm scales and shifts (2 x 17,056
// channels: every one of the 52 convolutions is followed by batchnorm with scale and
// shift) and the 1,000 classifier biases (bias=true); the convolutions have no bias.
// The BN running mean and variance are buffers, not parameters. The 17
// inverted-residual blocks follow the paper's (t, c, n, s) table: (1,16,1,1)
// (6,24,2,2) (6,32,3,2) (6,64,4,2) (6,96,3,1) (6,160,3,2) (6,320,1,1);
// a block adds its input back when its stride is 1 and its width does not change.
// The 3x3 depthwise layers use depthwise_conv2d (G = C = K). Activations are ReLU6;
// the projections are linear (batch norm, no activation), as in the paper.
// Weights, BN parameters and activations are int8 (weight bytes = parameter count).
workload mobilenet_v2 {
  param N = 1 in {1, 2, 4, 8, 16, 32};     // batch
  tensor image[N, 3, 224, 224] int8;

  f0 = conv2d(image, out=32, kernel=3, stride=2, pad=1);
  f0_bn = batchnorm(f0, scale=true, shift=true);
  f0_act = relu6(f0_bn);
  // features.1: depthwise 3x3 stride 1, project to 16
  f1_dw = depthwise_conv2d(f0_act, kernel=3, stride=1, pad=1);
  f1_dw_bn = batchnorm(f1_dw, scale=true, shift=true);
  f1_dw_act = relu6(f1_dw_bn);
  f1_project = conv2d(f1_dw_act, out=16, kernel=1);
  f1_project_bn = batchnorm(f1_project, scale=true, shift=true);
  // features.2: expand 6x, depthwise 3x3 stride 2, project to 24
  f2_expand = conv2d(f1_project_bn, out=96, kernel=1);
  f2_expand_bn = batchnorm(f2_expand, scale=true, shift=true);
  f2_expand_act = relu6(f2_expand_bn);
  f2_dw = depthwise_conv2d(f2_expand_act, kernel=3, stride=2, pad=1);
  f2_dw_bn = batchnorm(f2_dw, scale=true, shift=true);
  f2_dw_act = relu6(f2_dw_bn);
  f2_project = conv2d(f2_dw_act, out=24, kernel=1);
  f2_project_bn = batchnorm(f2_project, scale=true, shift=true);
  // features.3: expand 6x, depthwise 3x3 stride 1, project to 24, residual
  f3_expand = conv2d(f2_project_bn, out=144, kernel=1);
  f3_expand_bn = batchnorm(f3_expand, scale=true, shift=true);
  f3_expand_act = relu6(f3_expand_bn);
  f3_dw = depthwise_conv2d(f3_expand_act, kernel=3, stride=1, pad=1);
  f3_dw_bn = batchnorm(f3_dw, scale=true, shift=true);
  f3_dw_act = relu6(f3_dw_bn);
  f3_project = conv2d(f3_dw_act, out=24, kernel=1);
  f3_project_bn = batchnorm(f3_project, scale=true, shift=true);
  f3_out = add(f3_project_bn, f2_project_bn);
  // features.4: expand 6x, depthwise 3x3 stride 2, project to 32
  f4_expand = conv2d(f3_out, out=144, kernel=1);
  f4_expand_bn = batchnorm(f4_expand, scale=true, shift=true);
  f4_expand_act = relu6(f4_expand_bn);
  f4_dw = depthwise_conv2d(f4_expand_act, kernel=3, stride=2, pad=1);
  f4_dw_bn = batchnorm(f4_dw, scale=true, shift=true);
  f4_dw_act = relu6(f4_dw_bn);
  f4_project = conv2d(f4_dw_act, out=32, kernel=1);
  f4_project_bn = batchnorm(f4_project, scale=true, shift=true);
  // features.5: expand 6x, depthwise 3x3 stride 1, project to 32, residual
  f5_expand = conv2d(f4_project_bn, out=192, kernel=1);
  f5_expand_bn = batchnorm(f5_expand, scale=true, shift=true);
  f5_expand_act = relu6(f5_expand_bn);
  f5_dw = depthwise_conv2d(f5_expand_act, kernel=3, stride=1, pad=1);
  f5_dw_bn = batchnorm(f5_dw, scale=true, shift=true);
  f5_dw_act = relu6(f5_dw_bn);
  f5_project = conv2d(f5_dw_act, out=32, kernel=1);
  f5_project_bn = batchnorm(f5_project, scale=true, shift=true);
  f5_out = add(f5_project_bn, f4_project_bn);
  // features.6: expand 6x, depthwise 3x3 stride 1, project to 32, residual
  f6_expand = conv2d(f5_out, out=192, kernel=1);
  f6_expand_bn = batchnorm(f6_expand, scale=true, shift=true);
  f6_expand_act = relu6(f6_expand_bn);
  f6_dw = depthwise_conv2d(f6_expand_act, kernel=3, stride=1, pad=1);
  f6_dw_bn = batchnorm(f6_dw, scale=true, shift=true);
  f6_dw_act = relu6(f6_dw_bn);
  f6_project = conv2d(f6_dw_act, out=32, kernel=1);
  f6_project_bn = batchnorm(f6_project, scale=true, shift=true);
  f6_out = add(f6_project_bn, f5_out);
  // features.7: expand 6x, depthwise 3x3 stride 2, project to 64
  f7_expand = conv2d(f6_out, out=192, kernel=1);
  f7_expand_bn = batchnorm(f7_expand, scale=true, shift=true);
  f7_expand_act = relu6(f7_expand_bn);
  f7_dw = depthwise_conv2d(f7_expand_act, kernel=3, stride=2, pad=1);
  f7_dw_bn = batchnorm(f7_dw, scale=true, shift=true);
  f7_dw_act = relu6(f7_dw_bn);
  f7_project = conv2d(f7_dw_act, out=64, kernel=1);
  f7_project_bn = batchnorm(f7_project, scale=true, shift=true);
  // features.8: expand 6x, depthwise 3x3 stride 1, project to 64, residual
  f8_expand = conv2d(f7_project_bn, out=384, kernel=1);
  f8_expand_bn = batchnorm(f8_expand, scale=true, shift=true);
  f8_expand_act = relu6(f8_expand_bn);
  f8_dw = depthwise_conv2d(f8_expand_act, kernel=3, stride=1, pad=1);
  f8_dw_bn = batchnorm(f8_dw, scale=true, shift=true);
  f8_dw_act = relu6(f8_dw_bn);
  f8_project = conv2d(f8_dw_act, out=64, kernel=1);
  f8_project_bn = batchnorm(f8_project, scale=true, shift=true);
  f8_out = add(f8_project_bn, f7_project_bn);
  // features.9: expand 6x, depthwise 3x3 stride 1, project to 64, residual
  f9_expand = conv2d(f8_out, out=384, kernel=1);
  f9_expand_bn = batchnorm(f9_expand, scale=true, shift=true);
  f9_expand_act = relu6(f9_expand_bn);
  f9_dw = depthwise_conv2d(f9_expand_act, kernel=3, stride=1, pad=1);
  f9_dw_bn = batchnorm(f9_dw, scale=true, shift=true);
  f9_dw_act = relu6(f9_dw_bn);
  f9_project = conv2d(f9_dw_act, out=64, kernel=1);
  f9_project_bn = batchnorm(f9_project, scale=true, shift=true);
  f9_out = add(f9_project_bn, f8_out);
  // features.10: expand 6x, depthwise 3x3 stride 1, project to 64, residual
  f10_expand = conv2d(f9_out, out=384, kernel=1);
  f10_expand_bn = batchnorm(f10_expand, scale=true, shift=true);
  f10_expand_act = relu6(f10_expand_bn);
  f10_dw = depthwise_conv2d(f10_expand_act, kernel=3, stride=1, pad=1);
  f10_dw_bn = batchnorm(f10_dw, scale=true, shift=true);
  f10_dw_act = relu6(f10_dw_bn);
  f10_project = conv2d(f10_dw_act, out=64, kernel=1);
  f10_project_bn = batchnorm(f10_project, scale=true, shift=true);
  f10_out = add(f10_project_bn, f9_out);
  // features.11: expand 6x, depthwise 3x3 stride 1, project to 96
  f11_expand = conv2d(f10_out, out=384, kernel=1);
  f11_expand_bn = batchnorm(f11_expand, scale=true, shift=true);
  f11_expand_act = relu6(f11_expand_bn);
  f11_dw = depthwise_conv2d(f11_expand_act, kernel=3, stride=1, pad=1);
  f11_dw_bn = batchnorm(f11_dw, scale=true, shift=true);
  f11_dw_act = relu6(f11_dw_bn);
  f11_project = conv2d(f11_dw_act, out=96, kernel=1);
  f11_project_bn = batchnorm(f11_project, scale=true, shift=true);
  // features.12: expand 6x, depthwise 3x3 stride 1, project to 96, residual
  f12_expand = conv2d(f11_project_bn, out=576, kernel=1);
  f12_expand_bn = batchnorm(f12_expand, scale=true, shift=true);
  f12_expand_act = relu6(f12_expand_bn);
  f12_dw = depthwise_conv2d(f12_expand_act, kernel=3, stride=1, pad=1);
  f12_dw_bn = batchnorm(f12_dw, scale=true, shift=true);
  f12_dw_act = relu6(f12_dw_bn);
  f12_project = conv2d(f12_dw_act, out=96, kernel=1);
  f12_project_bn = batchnorm(f12_project, scale=true, shift=true);
  f12_out = add(f12_project_bn, f11_project_bn);
  // features.13: expand 6x, depthwise 3x3 stride 1, project to 96, residual
  f13_expand = conv2d(f12_out, out=576, kernel=1);
  f13_expand_bn = batchnorm(f13_expand, scale=true, shift=true);
  f13_expand_act = relu6(f13_expand_bn);
  f13_dw = depthwise_conv2d(f13_expand_act, kernel=3, stride=1, pad=1);
  f13_dw_bn = batchnorm(f13_dw, scale=true, shift=true);
  f13_dw_act = relu6(f13_dw_bn);
  f13_project = conv2d(f13_dw_act, out=96, kernel=1);
  f13_project_bn = batchnorm(f13_project, scale=true, shift=true);
  f13_out = add(f13_project_bn, f12_out);
  // features.14: expand 6x, depthwise 3x3 stride 2, project to 160
  f14_expand = conv2d(f13_out, out=576, kernel=1);
  f14_expand_bn = batchnorm(f14_expand, scale=true, shift=true);
  f14_expand_act = relu6(f14_expand_bn);
  f14_dw = depthwise_conv2d(f14_expand_act, kernel=3, stride=2, pad=1);
  f14_dw_bn = batchnorm(f14_dw, scale=true, shift=true);
  f14_dw_act = relu6(f14_dw_bn);
  f14_project = conv2d(f14_dw_act, out=160, kernel=1);
  f14_project_bn = batchnorm(f14_project, scale=true, shift=true);
  // features.15: expand 6x, depthwise 3x3 stride 1, project to 160, residual
  f15_expand = conv2d(f14_project_bn, out=960, kernel=1);
  f15_expand_bn = batchnorm(f15_expand, scale=true, shift=true);
  f15_expand_act = relu6(f15_expand_bn);
  f15_dw = depthwise_conv2d(f15_expand_act, kernel=3, stride=1, pad=1);
  f15_dw_bn = batchnorm(f15_dw, scale=true, shift=true);
  f15_dw_act = relu6(f15_dw_bn);
  f15_project = conv2d(f15_dw_act, out=160, kernel=1);
  f15_project_bn = batchnorm(f15_project, scale=true, shift=true);
  f15_out = add(f15_project_bn, f14_project_bn);
  // features.16: expand 6x, depthwise 3x3 stride 1, project to 160, residual
  f16_expand = conv2d(f15_out, out=960, kernel=1);
  f16_expand_bn = batchnorm(f16_expand, scale=true, shift=true);
  f16_expand_act = relu6(f16_expand_bn);
  f16_dw = depthwise_conv2d(f16_expand_act, kernel=3, stride=1, pad=1);
  f16_dw_bn = batchnorm(f16_dw, scale=true, shift=true);
  f16_dw_act = relu6(f16_dw_bn);
  f16_project = conv2d(f16_dw_act, out=160, kernel=1);
  f16_project_bn = batchnorm(f16_project, scale=true, shift=true);
  f16_out = add(f16_project_bn, f15_out);
  // features.17: expand 6x, depthwise 3x3 stride 1, project to 320
  f17_expand = conv2d(f16_out, out=960, kernel=1);
  f17_expand_bn = batchnorm(f17_expand, scale=true, shift=true);
  f17_expand_act = relu6(f17_expand_bn);
  f17_dw = depthwise_conv2d(f17_expand_act, kernel=3, stride=1, pad=1);
  f17_dw_bn = batchnorm(f17_dw, scale=true, shift=true);
  f17_dw_act = relu6(f17_dw_bn);
  f17_project = conv2d(f17_dw_act, out=320, kernel=1);
  f17_project_bn = batchnorm(f17_project, scale=true, shift=true);
  f18 = conv2d(f17_project_bn, out=1280, kernel=1);
  f18_bn = batchnorm(f18, scale=true, shift=true);
  f18_act = relu6(f18_bn);
  pool = global_avgpool(f18_act);
  flat = flatten(pool);
  classifier = matmul(flat, out=1000, bias=true);
}
