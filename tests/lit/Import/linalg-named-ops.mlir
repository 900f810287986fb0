// Named linalg convolutions, batch matmul and pooling import as einsums with their
// strides in the index expressions; the pooling window tensor is dropped (its body
// does not read it) and the max pooling has no MACs.
// RUN: tessel import %s -o %t.wl
// RUN: FileCheck %s < %t.wl
// RUN: tessel check %t.wl | FileCheck %s --check-prefix=MACS

// CHECK: conv_2d_nhwc_hwcf: conv_2d_nhwc_hwcf_out[d0, d1, d2, d3] += more_arg0[d0, d1 + d4, d2 + d5, d6] * more_arg1[d4, d5, d6, d3] for d0 < 1, d1 < 8, d2 < 8, d3 < 8, d4 < 3, d5 < 3, d6 < 3;
// CHECK: depthwise_conv_2d_nhwc_hwc: depthwise_conv_2d_nhwc_hwc_out[d0, d1, d2, d3] += more_arg0[d0, d1 + d4, d2 + d5, d3] * more_arg2[d4, d5, d3] for d0 < 1, d1 < 8, d2 < 8, d3 < 3, d4 < 3, d5 < 3;
// CHECK: batch_matmul: batch_matmul_out[d0, d1, d2] += more_arg3[d0, d1, d3] * more_arg4[d0, d3, d2] for d0 < 2, d1 < 4, d2 < 5, d3 < 8;
// CHECK: pooling_nchw_max: pooling_nchw_max_out[d0, d1, d2, d3] += more_arg6[d0, d1, 2*d2 + d4, 2*d3 + d5] for d0 < 1, d1 < 3, d2 < 5, d3 < 5, d4 < 2, d5 < 2;

// MACS: conv_2d_nhwc_hwcf {{.*}} 13,824
// MACS: depthwise_conv_2d_nhwc_hwc {{.*}} 1,728
// MACS: batch_matmul {{.*}} 320
// MACS: pooling_nchw_max {{.*}} 0
// MACS: total MACs: 15,872

func.func @more(%x: tensor<1x10x10x3xf32>, %w: tensor<3x3x3x8xf32>, %d: tensor<3x3x3xf32>,
                %a: tensor<2x4x8xf32>, %b: tensor<2x8x5xf32>, %p: tensor<1x8x8x4xf32>,
                %y: tensor<1x3x10x10xf32>) -> (tensor<1x8x8x8xf32>, tensor<1x8x8x3xf32>, tensor<2x4x5xf32>, tensor<1x3x5x5xf32>) {
  %e0 = tensor.empty() : tensor<1x8x8x8xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x10x10x3xf32>, tensor<3x3x3x8xf32>) outs(%e0 : tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %e1 = tensor.empty() : tensor<1x8x8x3xf32>
  %dw = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %d : tensor<1x10x10x3xf32>, tensor<3x3x3xf32>) outs(%e1 : tensor<1x8x8x3xf32>) -> tensor<1x8x8x3xf32>
  %e2 = tensor.empty() : tensor<2x4x5xf32>
  %bmm = linalg.batch_matmul ins(%a, %b : tensor<2x4x8xf32>, tensor<2x8x5xf32>) outs(%e2 : tensor<2x4x5xf32>) -> tensor<2x4x5xf32>
  %win = tensor.empty() : tensor<2x2xf32>
  %e3 = tensor.empty() : tensor<1x3x5x5xf32>
  %pool = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%y, %win : tensor<1x3x10x10xf32>, tensor<2x2xf32>) outs(%e3 : tensor<1x3x5x5xf32>) -> tensor<1x3x5x5xf32>
  return %c, %dw, %bmm, %pool : tensor<1x8x8x8xf32>, tensor<1x8x8x3xf32>, tensor<2x4x5xf32>, tensor<1x3x5x5xf32>
}
