// AlexNet, in the two shape sets used by accelerator papers and tools.
//
// Sources: shared/reference/refdata.md §1.2 and layers.csv (rows alexnet_orig, alexnet_tv);
// A. Krizhevsky, I. Sutskever, G. E. Hinton, "ImageNet Classification with Deep
// Convolutional Neural Networks", NIPS 2012; Y.-H. Chen et al., "Eyeriss", ISSCC 2016
// (abstract: "666 million MACs", "2.3 million weights" for CONV1-5);
// torchvision.models.alexnet.
//
// alexnet: the original two-tower network as run on Eyeriss (227x227 input, conv2/4/5
//   grouped with G = 2). Published totals at N = 1 (refdata §1.2(a)): CONV1-5
//   665,784,864 MACs and 2,332,704 weights (Eyeriss' 666 M / 2.3 M); whole network
//   724,406,816 MACs and 60,954,656 weights; with the 10,568 biases (conv 1,376 + fc
//   9,192) 60,965,224 parameters.
// alexnet_torchvision: the one-tower torchvision variant (224x224, pad 2 on conv1;
//   matches timeloop-accelergy-exercises layer_shapes/alexnet). Published totals
//   (refdata §1.2(b)): 714,188,480 MACs, 61,090,496 weights; with the 10,344 biases
//   (conv 1,152 + fc 9,192) torchvision's parameter count 61,100,840.
//
// Every conv and fc layer has a bias (bias=true: no MACs, one addition per output
// element). Weights, biases and activations are int8, so weight bytes equal the
// parameter count. Local response normalisation after conv1/conv2 (original network
// only) has no DSL operator; it is left out (it has no MACs and no weights, so no
// total changes). Dropout is an identity at inference and is omitted.
workload alexnet {
  param N = 1 in {1, 2, 4, 8, 16};          // batch; Eyeriss measured N = 4
  tensor image[N, 3, 227, 227] int8;

  conv1 = conv2d(image, out=96, kernel=11, stride=4, bias=true);
  relu1 = relu(conv1);
  pool1 = maxpool(relu1, kernel=3, stride=2);
  conv2 = conv2d(pool1, out=256, kernel=5, pad=2, groups=2, bias=true);
  relu2 = relu(conv2);
  pool2 = maxpool(relu2, kernel=3, stride=2);
  conv3 = conv2d(pool2, out=384, kernel=3, pad=1, bias=true);
  relu3 = relu(conv3);
  conv4 = conv2d(relu3, out=384, kernel=3, pad=1, groups=2, bias=true);
  relu4 = relu(conv4);
  conv5 = conv2d(relu4, out=256, kernel=3, pad=1, groups=2, bias=true);
  relu5 = relu(conv5);
  pool5 = maxpool(relu5, kernel=3, stride=2);
  flat = flatten(pool5);
  fc6 = matmul(flat, out=4096, bias=true);
  relu6 = relu(fc6);
  fc7 = matmul(relu6, out=4096, bias=true);
  relu7 = relu(fc7);
  fc8 = matmul(relu7, out=1000, bias=true);
}

workload alexnet_torchvision {
  param N = 1 in {1, 2, 4, 8, 16};          // batch
  tensor image[N, 3, 224, 224] int8;

  conv1 = conv2d(image, out=64, kernel=11, stride=4, pad=2, bias=true);
  relu1 = relu(conv1);
  pool1 = maxpool(relu1, kernel=3, stride=2);
  conv2 = conv2d(pool1, out=192, kernel=5, pad=2, bias=true);
  relu2 = relu(conv2);
  pool2 = maxpool(relu2, kernel=3, stride=2);
  conv3 = conv2d(pool2, out=384, kernel=3, pad=1, bias=true);
  relu3 = relu(conv3);
  conv4 = conv2d(relu3, out=256, kernel=3, pad=1, bias=true);
  relu4 = relu(conv4);
  conv5 = conv2d(relu4, out=256, kernel=3, pad=1, bias=true);
  relu5 = relu(conv5);
  pool5 = maxpool(relu5, kernel=3, stride=2);
  // torchvision's AdaptiveAvgPool2d((6, 6)) is the identity on the 6x6 map.
  flat = flatten(pool5);
  fc6 = matmul(flat, out=4096, bias=true);
  relu6 = relu(fc6);
  fc7 = matmul(relu6, out=4096, bias=true);
  relu7 = relu(fc7);
  fc8 = matmul(relu7, out=1000, bias=true);
}
