#!/usr/bin/env python3
"""Compares, per layer, the map.cost that `tessel compile --emit=mapped` attached, the cost
`tessel map --json` reported and the cost `tessel eval --mapping FILE.mlir --json` computed.

usage: compare-mapped.py MAPPED.mlir MAP.json LAYER=EVAL.json...
Prints "LAYER same ENERGY CYCLES" when the three agree exactly, else "LAYER differ ...".
"""
import json
import re
import sys

mapped = open(sys.argv[1]).read()
network = {l["name"]: l["mapping"]["cost"] for l in json.load(open(sys.argv[2]))["layers"]}
for arg in sys.argv[3:]:
    layer, path = arg.split("=", 1)
    m = re.search(r'wl\.einsum "%s".*?map\.cost = #map\.cost<cycles = (\d+), '
                  r'utilization = [^,]+, energy = ([^,]+),' % re.escape(layer), mapped)
    ir = (float(m.group(2)), int(m.group(1))) if m else None
    evaluated = json.load(open(path))["cost"]
    ev = (evaluated["energy_pj"]["total"], evaluated["cycles"])
    mp = (network[layer]["energy_pj"]["total"], network[layer]["cycles"])
    same = ir == ev == mp
    print(layer, "same" if same else "differ", *(ev if same else (ir, ev, mp)))
