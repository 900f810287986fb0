// VGG-16 (configuration D), 224x224, batch N.
//
// Sources: shared/reference/refdata.md §1.3 and layers.csv (rows vgg16); K. Simonyan,
// A. Zisserman, "Very Deep Convolutional Networks for Large-Scale Image Recognition",
// ICLR 2015 (Table 1, configuration D; "138 M" parameters, Table 2); Y.-H. Chen et al.,
// "Eyeriss", ISSCC 2016 (abstract: CONV1-13 "15.3 billion MACs", "14.7 million
// weights"); timeloop-accelergy-exercises layer_shapes/vgg16/{00..15}.yaml.
//
// Published totals at N = 1 (refdata §1.3): 15,470,264,320 MACs (conv 15,346,630,656 +
// fc 123,633,664) and 138,344,128 weights (conv 14,710,464); with the 13,416 biases
// (bias=true: 4,224 conv + 9,192 fc) this is the familiar 138,357,544 parameters.
// Weights, biases and activations are int8 (weight bytes = parameter count); a bias
// adds no MACs (one addition per output element, counted as other ops); dropout is an
// identity at inference and is omitted.
workload vgg16 {
  param N = 1 in {1, 2, 3, 4, 8, 16};       // batch; Eyeriss measured N = 3
  tensor image[N, 3, 224, 224] int8;

  conv1_1 = conv2d(image, out=64, kernel=3, pad=1, bias=true);
  relu1_1 = relu(conv1_1);
  conv1_2 = conv2d(relu1_1, out=64, kernel=3, pad=1, bias=true);
  relu1_2 = relu(conv1_2);
  pool1 = maxpool(relu1_2, kernel=2);
  conv2_1 = conv2d(pool1, out=128, kernel=3, pad=1, bias=true);
  relu2_1 = relu(conv2_1);
  conv2_2 = conv2d(relu2_1, out=128, kernel=3, pad=1, bias=true);
  relu2_2 = relu(conv2_2);
  pool2 = maxpool(relu2_2, kernel=2);
  conv3_1 = conv2d(pool2, out=256, kernel=3, pad=1, bias=true);
  relu3_1 = relu(conv3_1);
  conv3_2 = conv2d(relu3_1, out=256, kernel=3, pad=1, bias=true);
  relu3_2 = relu(conv3_2);
  conv3_3 = conv2d(relu3_2, out=256, kernel=3, pad=1, bias=true);
  relu3_3 = relu(conv3_3);
  pool3 = maxpool(relu3_3, kernel=2);
  conv4_1 = conv2d(pool3, out=512, kernel=3, pad=1, bias=true);
  relu4_1 = relu(conv4_1);
  conv4_2 = conv2d(relu4_1, out=512, kernel=3, pad=1, bias=true);
  relu4_2 = relu(conv4_2);
  conv4_3 = conv2d(relu4_2, out=512, kernel=3, pad=1, bias=true);
  relu4_3 = relu(conv4_3);
  pool4 = maxpool(relu4_3, kernel=2);
  conv5_1 = conv2d(pool4, out=512, kernel=3, pad=1, bias=true);
  relu5_1 = relu(conv5_1);
  conv5_2 = conv2d(relu5_1, out=512, kernel=3, pad=1, bias=true);
  relu5_2 = relu(conv5_2);
  conv5_3 = conv2d(relu5_2, out=512, kernel=3, pad=1, bias=true);
  relu5_3 = relu(conv5_3);
  pool5 = maxpool(relu5_3, kernel=2);
  flat = flatten(pool5);
  fc6 = matmul(flat, out=4096, bias=true);
  relu6 = relu(fc6);
  fc7 = matmul(relu6, out=4096, bias=true);
  relu7 = relu(fc7);
  fc8 = matmul(relu7, out=1000, bias=true);
}
