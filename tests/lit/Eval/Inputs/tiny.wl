// One small convolution (and a pooling and a ReLU) for tessel eval.
workload tiny_net {
  param N = 1 in {1, 2};
  tensor x[N, 2, 6, 6] int16;
  conv = conv2d(x, out=4, kernel=3);
  act = relu(conv);
  pool = maxpool(act, kernel=2);
}
