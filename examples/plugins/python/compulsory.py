#!/usr/bin/env python3
"""A tessel cost model in Python, spoken to over the exec protocol (docs/plugins.md).

    tessel eval arch.hw net.wl --layer L --mapping m.json \
        --cost-model "exec:python3 examples/plugins/python/compulsory.py"

The compulsory-traffic model: each tensor crosses every level that keeps it exactly once (inputs
are read once, the output is updated once), as if every level held whole tensors. A tensor's
size is the bounding box of its index ranges. Per level, transfer cycles are the words moved over
the level's read bandwidth times its instances; latency is the larger of that and the compute
cycles on the active compute units (the product of the mapping's spatial factors). Energy is
elements x the level's read (inputs) or update (output) energy, plus MACs x MAC energy.

Only the standard library is used. One request per line on stdin, one answer per line on stdout,
flushed; the program ends at the end of its input.
"""
import json
import math
import sys

PROTOCOL_VERSION = 1


def tensor_elements(problem, tensor):
    bounds = {dim["name"]: dim["bound"] for dim in problem["dims"]}
    return math.prod(1 + sum(coef * (bounds[dim] - 1) for dim, coef in index.items())
                     for index in tensor["indices"])


def evaluate(problem, arch, mapping):
    levels_by_name = {level["name"]: level for level in mapping["levels"]}
    units = math.prod(loop["factor"] for level in mapping["levels"]
                      for loop in level.get("spatial", []))
    compute_cycles = math.ceil(problem["macs"] / units)
    cycles, bound_by = compute_cycles, "compute"
    mac_energy = problem["macs"] * arch["compute"]["mac_energy_pj"]
    storage_energy = 0
    levels = []
    for level in arch["levels"]:
        bypass = set(levels_by_name.get(level["name"], {}).get("bypass", []))
        words, tensors = 0, {}
        for tensor in problem["tensors"]:
            if tensor["name"] not in level["keeps"] or tensor["name"] in bypass:
                continue
            elements = tensor_elements(problem, tensor)
            words += elements * math.ceil(tensor["element_bits"] / level["word_bits"])
            if tensor["output"]:
                energy = elements * level["update_energy_pj"]
                tensors[tensor["name"]] = {"total": {"updates": elements},
                                           "energy_pj": {"update": energy}}
            else:
                energy = elements * level["read_energy_pj"]
                tensors[tensor["name"]] = {"total": {"reads": elements},
                                           "energy_pj": {"read": energy}}
            storage_energy += energy
        # Every word is read or written once: a shared (half-duplex) port carries them all.
        per_instance = level["read_bandwidth"]
        if level["shared_bandwidth"] > 0 and not 0 < per_instance <= level["shared_bandwidth"]:
            per_instance = level["shared_bandwidth"]
        bandwidth = per_instance * level["instances"]
        transfer = math.ceil(words / bandwidth) if bandwidth > 0 else 0
        if transfer > cycles:
            cycles, bound_by = transfer, level["name"]
        levels.append({"name": level["name"], "transfer_cycles": transfer, "tensors": tensors})
    return {"valid": True, "cycles": cycles, "compute_cycles": compute_cycles,
            "bound_by": bound_by, "levels": levels,
            "energy_pj": {"total": storage_energy + mac_energy, "storage": storage_energy,
                          "mac": mac_energy}}


def main():
    for line in sys.stdin:
        request = json.loads(line)
        answer = {"version": PROTOCOL_VERSION, "id": request.get("id")}
        if request.get("version") != PROTOCOL_VERSION:
            answer["error"] = f"this model speaks protocol version {PROTOCOL_VERSION}"
        else:
            try:
                answer.update(evaluate(request["problem"], request["arch"], request["mapping"]))
            except (KeyError, TypeError, ValueError, ZeroDivisionError) as e:
                answer["error"] = f"{type(e).__name__}: {e}"
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
