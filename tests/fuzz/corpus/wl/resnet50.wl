// ResNet-50 v1.5 (torchvision: stride on the 3x3 of each bottleneck), 224x224, batch N.
//
// Source: shared/reference/refdata.md §1.1 and layers.csv (all 53 conv layers + fc),
// K. He et al., "Deep Residual Learning for Image Recognition", CVPR 2016, with the
// torchvision/MLPerf v1.5 stride placement. Published totals at N = 1:
// 4,089,184,256 MACs (conv 4,087,136,256 + fc 2,048,000), 25,502,912 weights.
// Batch norm and ReLU are folded into the elementwise ops below; residual additions,
// the stem max-pool and the global average pool are modelled as zero-MAC ops.
workload resnet50 {
  param N = 1 in {1, 2, 4, 8, 16, 32};     // batch size
  tensor image[N, 3, 224, 224] int8;

  conv1 = conv2d(image, out=64, kernel=7, stride=2, pad=3);
  conv1_relu = relu(conv1);
  pool1 = maxpool(conv1_relu, kernel=3, stride=2, pad=1);
  // layer1.0: bottleneck 64-64-256
  layer1_0_conv1 = conv2d(pool1, out=64, kernel=1);
  layer1_0_relu1 = relu(layer1_0_conv1);
  layer1_0_conv2 = conv2d(layer1_0_relu1, out=64, kernel=3, stride=1, pad=1);
  layer1_0_relu2 = relu(layer1_0_conv2);
  layer1_0_conv3 = conv2d(layer1_0_relu2, out=256, kernel=1);
  layer1_0_downsample = conv2d(pool1, out=256, kernel=1, stride=1);
  layer1_0_add = add(layer1_0_conv3, layer1_0_downsample);
  layer1_0_out = relu(layer1_0_add);
  // layer1.1: bottleneck 64-64-256
  layer1_1_conv1 = conv2d(layer1_0_out, out=64, kernel=1);
  layer1_1_relu1 = relu(layer1_1_conv1);
  layer1_1_conv2 = conv2d(layer1_1_relu1, out=64, kernel=3, stride=1, pad=1);
  layer1_1_relu2 = relu(layer1_1_conv2);
  layer1_1_conv3 = conv2d(layer1_1_relu2, out=256, kernel=1);
  layer1_1_add = add(layer1_1_conv3, layer1_0_out);
  layer1_1_out = relu(layer1_1_add);
  // layer1.2: bottleneck 64-64-256
  layer1_2_conv1 = conv2d(layer1_1_out, out=64, kernel=1);
  layer1_2_relu1 = relu(layer1_2_conv1);
  layer1_2_conv2 = conv2d(layer1_2_relu1, out=64, kernel=3, stride=1, pad=1);
  layer1_2_relu2 = relu(layer1_2_conv2);
  layer1_2_conv3 = conv2d(layer1_2_relu2, out=256, kernel=1);
  layer1_2_add = add(layer1_2_conv3, layer1_1_out);
  layer1_2_out = relu(layer1_2_add);
  // layer2.0: bottleneck 128-128-512, stride 2
  layer2_0_conv1 = conv2d(layer1_2_out, out=128, kernel=1);
  layer2_0_relu1 = relu(layer2_0_conv1);
  layer2_0_conv2 = conv2d(layer2_0_relu1, out=128, kernel=3, stride=2, pad=1);
  layer2_0_relu2 = relu(layer2_0_conv2);
  layer2_0_conv3 = conv2d(layer2_0_relu2, out=512, kernel=1);
  layer2_0_downsample = conv2d(layer1_2_out, out=512, kernel=1, stride=2);
  layer2_0_add = add(layer2_0_conv3, layer2_0_downsample);
  layer2_0_out = relu(layer2_0_add);
  // layer2.1: bottleneck 128-128-512
  layer2_1_conv1 = conv2d(layer2_0_out, out=128, kernel=1);
  layer2_1_relu1 = relu(layer2_1_conv1);
  layer2_1_conv2 = conv2d(layer2_1_relu1, out=128, kernel=3, stride=1, pad=1);
  layer2_1_relu2 = relu(layer2_1_conv2);
  layer2_1_conv3 = conv2d(layer2_1_relu2, out=512, kernel=1);
  layer2_1_add = add(layer2_1_conv3, layer2_0_out);
  layer2_1_out = relu(layer2_1_add);
  // layer2.2: bottleneck 128-128-512
  layer2_2_conv1 = conv2d(layer2_1_out, out=128, kernel=1);
  layer2_2_relu1 = relu(layer2_2_conv1);
  layer2_2_conv2 = conv2d(layer2_2_relu1, out=128, kernel=3, stride=1, pad=1);
  layer2_2_relu2 = relu(layer2_2_conv2);
  layer2_2_conv3 = conv2d(layer2_2_relu2, out=512, kernel=1);
  layer2_2_add = add(layer2_2_conv3, layer2_1_out);
  layer2_2_out = relu(layer2_2_add);
  // layer2.3: bottleneck 128-128-512
  layer2_3_conv1 = conv2d(layer2_2_out, out=128, kernel=1);
  layer2_3_relu1 = relu(layer2_3_conv1);
  layer2_3_conv2 = conv2d(layer2_3_relu1, out=128, kernel=3, stride=1, pad=1);
  layer2_3_relu2 = relu(layer2_3_conv2);
  layer2_3_conv3 = conv2d(layer2_3_relu2, out=512, kernel=1);
  layer2_3_add = add(layer2_3_conv3, layer2_2_out);
  layer2_3_out = relu(layer2_3_add);
  // layer3.0: bottleneck 256-256-1024, stride 2
  layer3_0_conv1 = conv2d(layer2_3_out, out=256, kernel=1);
  layer3_0_relu1 = relu(layer3_0_conv1);
  layer3_0_conv2 = conv2d(layer3_0_relu1, out=256, kernel=3, stride=2, pad=1);
  layer3_0_relu2 = relu(layer3_0_conv2);
  layer3_0_conv3 = conv2d(layer3_0_relu2, out=1024, kernel=1);
  layer3_0_downsample = conv2d(layer2_3_out, out=1024, kernel=1, stride=2);
  layer3_0_add = add(layer3_0_conv3, layer3_0_downsample);
  layer3_0_out = relu(layer3_0_add);
  // layer3.1: bottleneck 256-256-1024
  layer3_1_conv1 = conv2d(layer3_0_out, out=256, kernel=1);
  layer3_1_relu1 = relu(layer3_1_conv1);
  layer3_1_conv2 = conv2d(layer3_1_relu1, out=256, kernel=3, stride=1, pad=1);
  layer3_1_relu2 = relu(layer3_1_conv2);
  layer3_1_conv3 = conv2d(layer3_1_relu2, out=1024, kernel=1);
  layer3_1_add = add(layer3_1_conv3, layer3_0_out);
  layer3_1_out = relu(layer3_1_add);
  // layer3.2: bottleneck 256-256-1024
  layer3_2_conv1 = conv2d(layer3_1_out, out=256, kernel=1);
  layer3_2_relu1 = relu(layer3_2_conv1);
  layer3_2_conv2 = conv2d(layer3_2_relu1, out=256, kernel=3, stride=1, pad=1);
  layer3_2_relu2 = relu(layer3_2_conv2);
  layer3_2_conv3 = conv2d(layer3_2_relu2, out=1024, kernel=1);
  layer3_2_add = add(layer3_2_conv3, layer3_1_out);
  layer3_2_out = relu(layer3_2_add);
  // layer3.3: bottleneck 256-256-1024
  layer3_3_conv1 = conv2d(layer3_2_out, out=256, kernel=1);
  layer3_3_relu1 = relu(layer3_3_conv1);
  layer3_3_conv2 = conv2d(layer3_3_relu1, out=256, kernel=3, stride=1, pad=1);
  layer3_3_relu2 = relu(layer3_3_conv2);
  layer3_3_conv3 = conv2d(layer3_3_relu2, out=1024, kernel=1);
  layer3_3_add = add(layer3_3_conv3, layer3_2_out);
  layer3_3_out = relu(layer3_3_add);
  // layer3.4: bottleneck 256-256-1024
  layer3_4_conv1 = conv2d(layer3_3_out, out=256, kernel=1);
  layer3_4_relu1 = relu(layer3_4_conv1);
  layer3_4_conv2 = conv2d(layer3_4_relu1, out=256, kernel=3, stride=1, pad=1);
  layer3_4_relu2 = relu(layer3_4_conv2);
  layer3_4_conv3 = conv2d(layer3_4_relu2, out=1024, kernel=1);
  layer3_4_add = add(layer3_4_conv3, layer3_3_out);
  layer3_4_out = relu(layer3_4_add);
  // layer3.5: bottleneck 256-256-1024
  layer3_5_conv1 = conv2d(layer3_4_out, out=256, kernel=1);
  layer3_5_relu1 = relu(layer3_5_conv1);
  layer3_5_conv2 = conv2d(layer3_5_relu1, out=256, kernel=3, stride=1, pad=1);
  layer3_5_relu2 = relu(layer3_5_conv2);
  layer3_5_conv3 = conv2d(layer3_5_relu2, out=1024, kernel=1);
  layer3_5_add = add(layer3_5_conv3, layer3_4_out);
  layer3_5_out = relu(layer3_5_add);
  // layer4.0: bottleneck 512-512-2048, stride 2
  layer4_0_conv1 = conv2d(layer3_5_out, out=512, kernel=1);
  layer4_0_relu1 = relu(layer4_0_conv1);
  layer4_0_conv2 = conv2d(layer4_0_relu1, out=512, kernel=3, stride=2, pad=1);
  layer4_0_relu2 = relu(layer4_0_conv2);
  layer4_0_conv3 = conv2d(layer4_0_relu2, out=2048, kernel=1);
  layer4_0_downsample = conv2d(layer3_5_out, out=2048, kernel=1, stride=2);
  layer4_0_add = add(layer4_0_conv3, layer4_0_downsample);
  layer4_0_out = relu(layer4_0_add);
  // layer4.1: bottleneck 512-512-2048
  layer4_1_conv1 = conv2d(layer4_0_out, out=512, kernel=1);
  layer4_1_relu1 = relu(layer4_1_conv1);
  layer4_1_conv2 = conv2d(layer4_1_relu1, out=512, kernel=3, stride=1, pad=1);
  layer4_1_relu2 = relu(layer4_1_conv2);
  layer4_1_conv3 = conv2d(layer4_1_relu2, out=2048, kernel=1);
  layer4_1_add = add(layer4_1_conv3, layer4_0_out);
  layer4_1_out = relu(layer4_1_add);
  // layer4.2: bottleneck 512-512-2048
  layer4_2_conv1 = conv2d(layer4_1_out, out=512, kernel=1);
  layer4_2_relu1 = relu(layer4_2_conv1);
  layer4_2_conv2 = conv2d(layer4_2_relu1, out=512, kernel=3, stride=1, pad=1);
  layer4_2_relu2 = relu(layer4_2_conv2);
  layer4_2_conv3 = conv2d(layer4_2_relu2, out=2048, kernel=1);
  layer4_2_add = add(layer4_2_conv3, layer4_1_out);
  layer4_2_out = relu(layer4_2_add);
  pool5 = global_avgpool(layer4_2_out);
  flat = flatten(pool5);
  fc = matmul(flat, out=1000);
}
