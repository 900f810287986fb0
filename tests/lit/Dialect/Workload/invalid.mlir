// RUN: tessel-opt %s -split-input-file -verify-diagnostics

wl.graph @g {
  %x = wl.input "x" : tensor<1x3x8x8xi8>
  %w = wl.weight "w" : tensor<4x3x3x3xi8>
  // expected-error @+1 {{result shape [1, 4, 8, 8] does not match the inferred shape [1, 4, 6, 6]}}
  %c = wl.conv2d "c" %x, %w stride [1, 1] pad [0, 0] dilation [1, 1] groups 1 : tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8> -> tensor<1x4x8x8xi8>
}

// -----

wl.graph @g {
  %x = wl.input "x" : tensor<1x3x8x8xi8>
  %w = wl.weight "w" : tensor<4x3x3x3xi8>
  // expected-error @+1 {{groups=2 must divide input channels (3) and output channels (4)}}
  %c = wl.conv2d "c" %x, %w stride [1, 1] pad [0, 0] dilation [1, 1] groups 2 : tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8> -> tensor<1x4x6x6xi8>
}

// -----

wl.graph @g {
  %a = wl.input "a" : tensor<4x8xi8>
  %b = wl.input "b" : tensor<7x2xi8>
  // expected-error @+1 {{inner dimensions do not match: [4, 8] times [7, 2]}}
  %m = wl.matmul "m" %a, %b : tensor<4x8xi8>, tensor<7x2xi8> -> tensor<4x2xi8>
}

// -----

wl.graph @g {
  %a = wl.input "a" : tensor<4x8xi8>
  // expected-error @+1 {{redefines the label 'a'}}
  %b = wl.input "a" : tensor<4x8xi8>
}

// -----

wl.graph @g {
  // expected-error @+1 {{needs a static shape}}
  %a = wl.input "a" : tensor<?x8xi8>
}

// -----

wl.graph @g {
  %a = wl.input "a" : tensor<4x8xi8>
  %b = wl.input "b" : tensor<8x2xi8>
  // expected-error @+1 {{macs 60 does not match the dims (64)}}
  %m = wl.einsum "m" (%a, %b) dims ["M", "N", "K"] bounds [4, 2, 8] reduce ["K"]
      maps [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>]
      combine mac macs 60 : (tensor<4x8xi8>, tensor<8x2xi8>) -> tensor<4x2xi8>
}

// -----

wl.graph @g {
  %a = wl.input "a" : tensor<4x8xi8>
  %b = wl.input "b" : tensor<8x2xi8>
  // expected-error @+1 {{dim 'K' does not index the output but is not listed in 'reduce'}}
  %m = wl.einsum "m" (%a, %b) dims ["M", "N", "K"] bounds [4, 2, 8] reduce []
      maps [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>]
      combine mac macs 64 : (tensor<4x8xi8>, tensor<8x2xi8>) -> tensor<4x2xi8>
}

// -----

wl.graph @g {
  %a = wl.input "a" : tensor<4x8xi8>
  %b = wl.input "b" : tensor<8x2xi8>
  // expected-error @+1 {{map #1 has 1 results for a rank-2 operand}}
  %m = wl.einsum "m" (%a, %b) dims ["M", "N", "K"] bounds [4, 2, 8] reduce ["K"]
      maps [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k)>, affine_map<(m, n, k) -> (m, n)>]
      combine mac macs 64 : (tensor<4x8xi8>, tensor<8x2xi8>) -> tensor<4x2xi8>
}

// -----

wl.graph @g {
  %a = wl.input "a" : tensor<4x8xi8>
  %b = wl.input "b" : tensor<8x2xi8>
  // expected-error @+1 {{output index 0 reaches 4, beyond the output dimension 4}}
  %m = wl.einsum "m" (%a, %b) dims ["M", "N", "K"] bounds [5, 2, 8] reduce ["K"]
      maps [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>]
      combine mac macs 80 : (tensor<4x8xi8>, tensor<8x2xi8>) -> tensor<4x2xi8>
}

// -----

wl.graph @g {
  %q = wl.input "q" : tensor<2x16x64xf16>
  // expected-error @+1 {{heads x head_dim must equal the last dimension of the query [2, 16, 64]}}
  %a = wl.attention "attn" %q, %q, %q heads 3 kv_heads 3 head_dim 16 : tensor<2x16x64xf16>, tensor<2x16x64xf16>, tensor<2x16x64xf16> -> tensor<2x16x64xf16>
}

// -----

wl.graph @g {
  %x = wl.input "x" : tensor<1x8xi8>
  // expected-error @+1 {{reshape from [1, 8] to [3, 3] changes the element count}}
  %r = wl.reshape "r" %x : tensor<1x8xi8> -> tensor<3x3xi8>
}

// -----

wl.graph @g {
  %t = wl.weight "t" : tensor<300x16xf32>
  // expected-error @+1 {{tables [300, 16] must be [sum(rows), dim] = [310, 16]}}
  %e = wl.embedding_bag "emb" %t batch 2 dim 16 rows [110, 200] pooling [4, 8] : tensor<300x16xf32> -> tensor<2x32xf32>
}
