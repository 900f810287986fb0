// RUN: tessel-opt %s | tessel-opt | FileCheck %s

// CHECK-LABEL: func.func @mapped
// CHECK-SAME: map.cost = #map.cost<cycles = 1000, utilization = 0.75, energy = 2500.5, area = 120000, breakdown = {GLB = {conv1 = 4.000000e+00 : f64, x = 1.050000e+01 : f64}}>
// CHECK-SAME: map.mapping = #map.mapping<[#map.level<"DRAM" temporal [K = 2, C = 4] keep [x, conv1.w, conv1]>, #map.level<"GLB" temporal [P = 7] spatial_x [S = 3, C = 2] spatial_y [Q = 14] keep [x, conv1] bypass [conv1.w]>, #map.level<"PE">]>
func.func @mapped() attributes {
  map.mapping = #map.mapping<[
    #map.level<"DRAM" temporal [K = 2, C = 4] keep [x, "conv1.w", conv1]>,
    #map.level<"GLB" temporal [P = 7] spatial_x [S = 3, C = 2] spatial_y [Q = 14] keep [x, conv1] bypass ["conv1.w"]>,
    #map.level<"PE">]>,
  map.cost = #map.cost<cycles = 1000, utilization = 0.75, energy = 2500.5, area = 120000,
                       breakdown = {GLB = {x = 10.5 : f64, conv1 = 4.0 : f64}}>
} {
  return
}
