// Verifier errors of biases, wl.norm, wl.slice and 'add' einsums.
// RUN: tessel-opt %s -split-input-file -verify-diagnostics

wl.graph @g {
  %x = wl.input "x" : tensor<1x3x8x8xi8>
  %w = wl.weight "w" : tensor<4x3x3x3xi8>
  %b = wl.weight "b" : tensor<3xi8>
  // expected-error @+1 {{bias [3] must be [4], one value per entry of axis 1}}
  %c = wl.conv2d "c" %x, %w bias %b stride [1, 1] pad [1, 1] dilation [1, 1] groups 1 : tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>, tensor<3xi8> -> tensor<1x4x8x8xi8>
}

// -----

wl.graph @g {
  %x = wl.input "x" : tensor<2x16xf16>
  %w = wl.weight "w" : tensor<16x8xf16>
  %b = wl.weight "b" : tensor<16xf16>
  // expected-error @+1 {{bias [16] must be [8], one value per entry of axis 1}}
  %y = wl.matmul "y" %x, %w bias %b : tensor<2x16xf16>, tensor<16x8xf16>, tensor<16xf16> -> tensor<2x8xf16>
}

// -----

wl.graph @g {
  %x = wl.input "x" : tensor<2x5x16xf16>
  %s = wl.weight "s" : tensor<5xf16>
  // expected-error @+1 {{scale [5] must be [16], one value per entry of axis 2}}
  %n = wl.norm layernorm "n" %x scale %s axis 2 : tensor<2x5x16xf16> scale tensor<5xf16> -> tensor<2x5x16xf16>
}

// -----

wl.graph @g {
  %x = wl.input "x" : tensor<2x5x16xf16>
  // expected-error @+1 {{axis 3 out of range for rank 3}}
  %n = wl.norm rmsnorm "n" %x axis 3 : tensor<2x5x16xf16> -> tensor<2x5x16xf16>
}

// -----

wl.graph @g {
  %x = wl.input "x" : tensor<2x5x16xf16>
  // expected-error @+1 {{a slice of size 2 from 4 does not fit dim 1 of [2, 5, 16]}}
  %s = wl.slice "s" %x dim 1 start 4 size 2 : tensor<2x5x16xf16> -> tensor<2x2x16xf16>
}

// -----

wl.graph @g {
  %x = wl.input "x" : tensor<2x5x16xf16>
  // expected-error @+1 {{result shape [2, 2, 16] does not match the inferred shape [2, 1, 16]}}
  %s = wl.slice "s" %x dim 1 start 4 size 1 : tensor<2x5x16xf16> -> tensor<2x2x16xf16>
}

// -----

wl.graph @g {
  %x = wl.input "x" : tensor<4x8xf16>
  %b = wl.input "b" : tensor<8xf16>
  // expected-error @+1 {{'add' needs at least two inputs and no reduced dims}}
  %y = wl.einsum "y" (%x, %b) dims ["M", "N"] bounds [4, 8] reduce ["M"]
      maps [affine_map<(m, n) -> (m, n)>, affine_map<(m, n) -> (n)>, affine_map<(m, n) -> (n)>]
      combine add macs 0 : (tensor<4x8xf16>, tensor<8xf16>) -> tensor<8xf16>
}
