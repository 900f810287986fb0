// RUN: tessel-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{loop "K" has factor 0, must be >= 1}}
func.func @f() attributes {m = #map.level<"GLB" temporal [K = 0]>} { return }

// -----

// expected-error @+1 {{tensor role 'weight' is listed twice in keep/bypass of level 'GLB'}}
func.func @f() attributes {m = #map.level<"GLB" keep [weight] bypass [weight]>} { return }

// -----

// expected-error @+1 {{unknown tensor role "weights"}}
func.func @f() attributes {m = #map.level<"GLB" keep [weights]>} { return }

// -----

// expected-error @+1 {{level 'GLB' appears twice}}
func.func @f() attributes {m = #map.mapping<[#map.level<"GLB">, #map.level<"GLB">]>} { return }

// -----

// expected-error @+1 {{utilization must be in [0, 1], got 1.5}}
func.func @f() attributes {c = #map.cost<cycles = 1, utilization = 1.5, energy = 1, area = 1, breakdown = {}>} { return }

// -----

// expected-error @+1 {{energy of 'input' at level 'GLB' must be a non-negative float}}
func.func @f() attributes {c = #map.cost<cycles = 1, utilization = 0.5, energy = 1, area = 1, breakdown = {GLB = {input = "x"}}>} { return }
