#!/usr/bin/env python3
"""Reproduces the outer loops of examples/mappings/eyeriss-alexnet-convN-n4.json
(docs/validation.md, "Eyeriss: row-stationary mappings at batch 4").

The PE-level part of each layer (spatial loops and spad loops: Table V's PE set) is fixed; the
loops left over (N = 4, K beyond a psum spad's 16, C beyond a PE set's, G, CONV1's strips P) are
ordered and split between DRAM and the GLB: every order of the DRAM loops, every split of K, N at
DRAM or at the GLB (GLB loops K, N, then Q innermost). Each candidate is evaluated with
`tessel eval --json` (invalid ones, e.g. over the GLB's capacity, are skipped) and the fewest DRAM
words win (ties: least GLB energy). Prints the best candidates of each layer.

usage: scripts/eyeriss-rs-outer-loops.py TESSEL [LAYER...]   (run from the source root)
"""
import itertools, json, subprocess, sys, tempfile

PE_LEVEL = {  # layer: (outer factors, Q, GLB spatial loops, psum_spad loops)
    'conv1': ({'P': 4, 'K': 6, 'C': 3}, 55, [('P', 14, 'x'), ('R', 11, 'y')], [('S', 11), ('K', 16)]),
    'conv2': ({'G': 2, 'K': 8, 'C': 24}, 27, [('P', 2, 'y'), ('R', 5, 'y'), ('P', 14, 'x')],
              [('S', 5), ('C', 2), ('K', 16)]),
    'conv3': ({'K': 24, 'C': 16}, 13, [('P', 13, 'x'), ('R', 3, 'y'), ('C', 4, 'y')],
              [('C', 4), ('S', 3), ('K', 16)]),
    'conv4': ({'G': 2, 'K': 12, 'C': 12}, 13, [('P', 13, 'x'), ('R', 3, 'y'), ('C', 4, 'y')],
              [('C', 4), ('S', 3), ('K', 16)]),
    'conv5': ({'G': 2, 'K': 8, 'C': 12}, 13, [('P', 13, 'x'), ('R', 3, 'y'), ('C', 4, 'y')],
              [('C', 4), ('S', 3), ('K', 16)]),
}


def level(name, temporal=(), spatial=()):
    return {'name': name, 'temporal': [{'dim': d, 'factor': f} for d, f in temporal],
            'spatial': [{'dim': d, 'factor': f, 'axis': a} for d, f, a in spatial], 'bypass': []}


def evaluate(tessel, layer, levels, wl='examples/alexnet.wl', workload='alexnet', batch=4):
    """(DRAM words, GLB pJ) of one mapping, or None when tessel rejects it."""
    doc = {'version': 1, 'layer': layer, 'arch': 'eyeriss', 'levels': levels}
    with tempfile.NamedTemporaryFile('w', suffix='.json') as f:
        json.dump(doc, f)
        f.flush()
        r = subprocess.run([tessel, 'eval', 'hwspecs/eyeriss.hw', wl, '--workload', workload,
                            '--layer', layer, '--param', f'N={batch}',
                            '--mapping', f.name, '--json'], capture_output=True, text=True)
    if r.returncode:
        return None
    cost = json.loads(r.stdout)['cost']
    dram = next(l for l in cost['levels'] if l['name'] == 'DRAM')
    words = sum(v for t in dram['tensors'].values() for v in t['total'].values())
    glb = next(l for l in cost['levels'] if l['name'] == 'GLB')
    return words, glb['energy_pj']


def search(tessel, layer):
    outer, q, spatial, psum = PE_LEVEL[layer]
    found = []
    for kglb in [d for d in range(1, outer['K'] + 1) if outer['K'] % d == 0]:
        for n_at_glb in (False, True):
            dram = dict(outer, K=outer['K'] // kglb)
            if not n_at_glb:
                dram['N'] = 4
            glb = [('K', kglb)] * (kglb > 1) + [('N', 4)] * n_at_glb + [('Q', q)]
            for order in itertools.permutations([d for d in dram if dram[d] > 1]):
                loops = [(d, dram[d]) for d in order]
                r = evaluate(tessel, layer, [level('DRAM', loops), level('GLB', glb, spatial),
                                             level('ifmap_spad'), level('filter_spad'),
                                             level('psum_spad', psum)])
                if r:
                    found.append((r, loops, glb))
    found.sort(key=lambda x: x[0])
    return found


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for layer in sys.argv[2:] or list(PE_LEVEL):
        for (words, glb_pj), dram, glb in search(sys.argv[1], layer)[:3]:
            print(f'{layer}: DRAM {dram} GLB {glb}: {words} DRAM words, GLB {glb_pj:.4g} pJ')


if __name__ == '__main__':
    main()
