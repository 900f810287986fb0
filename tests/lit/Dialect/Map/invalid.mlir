// RUN: tessel-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{loop "K" has factor 0, must be >= 1}}
func.func @f() attributes {m = #map.level<"GLB" temporal [K = 0]>} { return }

// -----

// expected-error @+1 {{tensor 'conv1.weight' is listed twice in keep/bypass of level 'GLB'}}
func.func @f() attributes {m = #map.level<"GLB" keep ["conv1.weight"] bypass ["conv1.weight"]>} { return }

// -----

// expected-error @+1 {{keep/bypass of level 'GLB' must name tensors, got ""}}
func.func @f() attributes {m = #map.level<"GLB" keep [""]>} { return }

// -----

// expected-error @+1 {{level 'GLB' appears twice}}
func.func @f() attributes {m = #map.mapping<[#map.level<"GLB">, #map.level<"GLB">]>} { return }

// -----

// expected-error @+1 {{utilization must be in [0, 1], got 1.5}}
func.func @f() attributes {c = #map.cost<cycles = 1, utilization = 1.5, energy = 1, area = 1, breakdown = {}>} { return }

// -----

// expected-error @+1 {{energy of 'x' at level 'GLB' must be a non-negative float}}
func.func @f() attributes {c = #map.cost<cycles = 1, utilization = 0.5, energy = 1, area = 1, breakdown = {GLB = {x = "x"}}>} { return }

// -----

// On an op with dims and bounds (a wl.einsum), the mapping's loops must be over its dims and
// cover each bound.
wl.graph @g {
  %x = wl.input "x" : tensor<2x4xi8>
  %w = wl.weight "w" : tensor<4xi8>
  // expected-error @+1 {{'wl.einsum' op dim 'K' has bound 4 but the factors of its loops in map.mapping multiply to 2}}
  %y = wl.einsum "y"(%x, %w) dims ["M", "K"] bounds [2, 4] reduce ["K"] maps [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0)>] combine mac macs 8 {map.mapping = #map.mapping<[#map.level<"DRAM" temporal [K = 2, M = 2]>]>} : (tensor<2x4xi8>, tensor<4xi8>) -> tensor<2xi8>
}

// -----

wl.graph @g {
  %x = wl.input "x" : tensor<2x4xi8>
  %w = wl.weight "w" : tensor<4xi8>
  // expected-error @+1 {{'wl.einsum' op has no dim 'N', which level 'PE' of its map.mapping iterates}}
  %y = wl.einsum "y"(%x, %w) dims ["M", "K"] bounds [2, 4] reduce ["K"] maps [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0)>] combine mac macs 8 {map.mapping = #map.mapping<[#map.level<"DRAM" temporal [K = 4, M = 2]>, #map.level<"PE" spatial_x [N = 1]>]>} : (tensor<2x4xi8>, tensor<4xi8>) -> tensor<2xi8>
}

// -----

// expected-error @+1 {{'func.func' op has an unknown map dialect attribute 'map.costs' (known: map.mapping, map.cost, map.search)}}
func.func @f() attributes {map.costs = #map.cost<cycles = 1, utilization = 0.5, energy = 1, area = 1, breakdown = {}>} { return }

// -----

// expected-error @+1 {{'func.func' op attribute 'map.mapping' must be a #map.mapping}}
func.func @f() attributes {map.mapping = #map.level<"GLB">} { return }

// -----

// expected-error @+1 {{'func.func' op attribute 'map.search' must be a dictionary with status = "optimal", "stopped" or "finished"}}
func.func @f() attributes {map.search = {status = "proven", evaluations = 3 : i64}} { return }

// -----

// expected-error @+1 {{'func.func' op attribute 'map.search' needs evaluations = N (N >= 0)}}
func.func @f() attributes {map.search = {status = "optimal"}} { return }

// -----

// expected-error @+1 {{'func.func' op attribute 'map.search' has a gap_percent that is not a non-negative float}}
func.func @f() attributes {map.search = {status = "stopped", evaluations = 3 : i64, gap_percent = -1.0 : f64}} { return }
