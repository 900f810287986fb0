# Compares the two design points of clock-param.test (500 MHz and 1 GHz).
import json
import sys

recs = {r["params"]["freq"]: r for r in map(json.loads, open(sys.argv[1]))}
slow, fast = recs[500000000], recs[1000000000]
print("cycles", slow["cycles"], fast["cycles"])
print("latency", slow["latency_s"], fast["latency_s"], "ratio", slow["latency_s"] / fast["latency_s"])
print("leakage ratio", slow["energy_by_level_j"]["leakage"] / fast["energy_by_level_j"]["leakage"])
ok = all(abs(r["power_w"] - r["energy_j"] / r["latency_s"]) <= 1e-12 * r["power_w"]
         for r in (slow, fast))
print("power", "matches" if ok else "differs from", "energy/latency")
