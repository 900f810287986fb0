#!/usr/bin/env python3
"""Test program for the exec cost-model adapter: answers requests in the way MODE says.

good          checks the request against the schema of docs/plugins.md and answers a cost:
              cycles = product of every temporal factor, energy = macs x mac energy,
              bound by the outermost level, each tensor read once per element there
exit          reports on stderr and exits with status 3 on the first request
hang          reads the request, then sleeps for an hour
garbage       answers a line that is not JSON
version       answers protocol version 2
id            answers with the wrong id
error         answers {"error": ...}
unknown_key   answers a valid cost with a misspelt key
invalid       answers that the mapping is invalid
second_exits  answers the first request, exits on the second
silent_exit   exits with status 0 without reading anything
"""
import json
import math
import sys
import time

MODE = sys.argv[1]


def expect(obj, keys, where):
    missing = [k for k in keys if k not in obj]
    if missing:
        raise ValueError(f"{where} lacks {missing}")


def check_request(req):
    expect(req, ["version", "id", "problem", "arch", "mapping"], "request")
    problem, arch, mapping = req["problem"], req["arch"], req["mapping"]
    expect(problem, ["name", "dims", "tensors", "macs"], "problem")
    for dim in problem["dims"]:
        expect(dim, ["name", "bound"], "dim")
    dim_names = {d["name"] for d in problem["dims"]}
    for tensor in problem["tensors"]:
        expect(tensor, ["name", "output", "element_bits", "density", "indices"], "tensor")
        for index in tensor["indices"]:
            if not set(index) <= dim_names:
                raise ValueError(f"index {index} names unknown dims")
    expect(arch, ["name", "compute_units", "levels", "compute"], "arch")
    for level in arch["levels"]:
        expect(level, ["name", "instances", "capacity_words", "keeps", "word_bits",
                       "block_words", "read_bandwidth", "write_bandwidth", "shared_bandwidth",
                       "read_energy_pj",
                       "write_energy_pj", "update_energy_pj", "area_um2",
                       "leakage_pj_per_cycle", "compress", "run_bits", "fanout_below"], "level")
        expect(level["fanout_below"], ["x", "y", "multicast", "reduction", "hop_energy_pj"],
               "fanout_below")
    expect(arch["compute"], ["name", "mac_energy_pj", "area_um2", "leakage_pj_per_cycle"],
           "compute")
    expect(mapping, ["version", "levels"], "mapping")


def cost(req):
    problem, arch, mapping = req["problem"], req["arch"], req["mapping"]
    cycles = math.prod(loop["factor"] for level in mapping["levels"]
                       for loop in level["temporal"])
    outer = arch["levels"][0]
    tensors = {t["name"]: {"total": {"reads": 1 + i}}
               for i, t in enumerate(problem["tensors"]) if t["name"] in outer["keeps"]}
    return {"valid": True, "cycles": cycles, "bound_by": outer["name"],
            "energy_pj": {"total": problem["macs"] * arch["compute"]["mac_energy_pj"]},
            "levels": [{"name": outer["name"], "tensors": tensors}]}


def main():
    if MODE == "silent_exit":
        return 0
    count = 0
    for line in sys.stdin:
        count += 1
        req = json.loads(line)
        answer = {"version": 1, "id": req["id"]}
        if MODE == "good" or (MODE == "second_exits" and count == 1):
            try:
                check_request(req)
                answer.update(cost(req))
            except (ValueError, KeyError) as e:
                answer["error"] = f"bad request: {e}"
        elif MODE in ("exit", "second_exits"):
            print("model: cannot read weights.bin", file=sys.stderr, flush=True)
            return 3
        elif MODE == "hang":
            time.sleep(3600)  # never answers, not even at the end of its input
            return 0
        elif MODE == "garbage":
            print("this is not json", flush=True)
            continue
        elif MODE == "version":
            answer["version"] = 2
        elif MODE == "id":
            answer["id"] = req["id"] + 100
        elif MODE == "error":
            answer["error"] = "layer kind not supported"
        elif MODE == "unknown_key":
            answer.update(cost(req))
            answer["cylces"] = answer.pop("cycles")
        elif MODE == "invalid":
            answer.update({"valid": False, "violations": ["tile of W exceeds 4 KiB"]})
        print(json.dumps(answer), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
