#!/usr/bin/env python3
"""Chooses the outer loops of examples/mappings/eyeriss-vgg16-<layer>-n3.json and, with --write,
writes those files (docs/validation.md, "Eyeriss: row-stationary mappings of VGG-16 at batch 3").

Below the GLB each layer has a fixed row-stationary PE set: R = 3 filter rows by 14 output rows
(E = 224, 112, 56, 28, 14 strip-mined onto the 14 columns, the strips stepped at DRAM), four sets
on different input channels down the 12 rows (conv1_1, C = 3: on different filters), and in each
PE 4 channels (conv1_1: 3) x 3 filter columns x 16 filters (ifmap spad 12 words, filter spad 192
of 224, psum spad 16 of 24). Above it the rule of scripts/eyeriss-rs-outer-loops.py (AlexNet):
every order of the DRAM loops (N, K, C, P strips, Q), every split of K between DRAM and the GLB,
N at DRAM or at the GLB (GLB loops K, N, then Q innermost), fewest DRAM words while the GLB holds
its tiles, ties to the least GLB energy, then to the first order enumerated. New for VGG: the
output columns Q are split between DRAM and the GLB when a pass's tiles do not fit the GLB. For
each K split and N placement only the smallest DRAM factor of Q whose tiles fit is tried (with
the same K split, N placement and DRAM order a larger one never moves fewer DRAM words: it only
adds input halo columns and DRAM steps).

usage: scripts/eyeriss-rs-vgg16-outer-loops.py TESSEL [--write] [--all-q] [LAYER...]
  (from the source root; --write writes the mapping files, --all-q also tries every larger Q
  split, to confirm that it never wins: slow)
"""
import concurrent.futures, importlib.util, itertools, json, os, sys

_spec = importlib.util.spec_from_file_location(
    'alexnet_rs', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'eyeriss-rs-outer-loops.py'))
alexnet_rs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(alexnet_rs)
level = alexnet_rs.level

BATCH = 3
LAYERS = {  # layer: (input channels C, filters K, output rows = columns E)
    'conv1_1': (3, 64, 224), 'conv1_2': (64, 64, 224),
    'conv2_1': (64, 128, 112), 'conv2_2': (128, 128, 112),
    'conv3_1': (128, 256, 56), 'conv3_2': (256, 256, 56), 'conv3_3': (256, 256, 56),
    'conv4_1': (256, 512, 28), 'conv4_2': (512, 512, 28), 'conv4_3': (512, 512, 28),
    'conv5_1': (512, 512, 14), 'conv5_2': (512, 512, 14), 'conv5_3': (512, 512, 14),
}


def pe_level(layer):
    """(outer factors, Q, GLB spatial loops, psum_spad loops) of the layer's PE set."""
    c, k, e = LAYERS[layer]
    if c < 16:  # conv1_1: the 3 channels in each PE, four sets on different filters
        return ({'K': k // 64, 'P': e // 14}, e, [('P', 14, 'x'), ('R', 3, 'y'), ('K', 4, 'y')],
                [('C', c), ('S', 3), ('K', 16)])
    return ({'K': k // 16, 'C': c // 16, 'P': e // 14}, e,
            [('P', 14, 'x'), ('R', 3, 'y'), ('C', 4, 'y')], [('C', 4), ('S', 3), ('K', 16)])


def divisors(n):
    return [d for d in range(1, n + 1) if n % d == 0]


def mapping(layer, dram_loops, glb_loops):
    _, _, spatial, psum = pe_level(layer)
    return [level('DRAM', dram_loops), level('GLB', glb_loops, spatial), level('ifmap_spad'),
            level('filter_spad'), level('psum_spad', psum)]


def evaluate(tessel, layer, levels):
    return alexnet_rs.evaluate(tessel, layer, levels, 'examples/vgg16.wl', 'vgg16', BATCH)


def candidates(tessel, layer, all_q=False):
    """Every (K split, N placement) with the smallest Q split whose tiles fit (all_q: and every
    larger one): its DRAM loops (in the canonical order N, K, C, P, Q) and GLB loops."""
    outer, q, _, _ = pe_level(layer)
    for kglb in divisors(outer.get('K', 1)):
        for n_at_glb in (False, True):
            for qdram in divisors(q):
                dram = {'N': 1 if n_at_glb else BATCH, 'K': outer.get('K', 1) // kglb,
                        'C': outer.get('C', 1), 'P': outer['P'], 'Q': qdram}
                dram = {d: f for d, f in dram.items() if f > 1}
                glb = [('K', kglb)] * (kglb > 1) + [('N', BATCH)] * n_at_glb + [('Q', q // qdram)]
                if evaluate(tessel, layer, mapping(layer, list(dram.items()), glb)):
                    yield dram, glb
                    if not all_q:
                        break


def search(tessel, layer, all_q=False, jobs=2):
    runs = [(list(order), glb) for dram, glb in candidates(tessel, layer, all_q)
            for order in itertools.permutations(dram.items())]
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        costs = pool.map(lambda r: evaluate(tessel, layer, mapping(layer, *r)), runs)
        found = [(cost, dram, glb) for cost, (dram, glb) in zip(costs, runs) if cost]
    found.sort(key=lambda x: x[0])  # stable: ties keep the enumeration order
    return found, len(runs)


def write(layer, dram, glb, words):
    c, k, e = LAYERS[layer]
    sets = 'filters' if c < 16 else 'input channels'
    loops = lambda ls: ' '.join(f'{d}{f}' for d, f in ls)
    doc = {'version': 1, 'layer': layer, 'arch': 'eyeriss',
           'comment': f'Batch 3 (run with --param N=3); written by '
                      f'scripts/eyeriss-rs-vgg16-outer-loops.py (docs/validation.md, "Eyeriss: '
                      f'row-stationary mappings of VGG-16 at batch 3"). PE set: R3 x 14 output rows '
                      f'(E = {e} strip-mined onto 14 columns), four sets on different {sets} '
                      f'(168 PEs). Outer loops: DRAM {loops(dram)}, GLB {loops(glb)}: the fewest '
                      f'DRAM words ({words:,}) whose GLB tiles fit.',
           'levels': mapping(layer, dram, glb)}
    compact = lambda v: json.dumps(v, separators=(', ', ': '))
    levels = ',\n'.join(f'    {{"name": {compact(l["name"])},\n     "temporal": {compact(l["temporal"])},'
                         f'\n     "spatial": {compact(l["spatial"])}, "bypass": []}}'
                         for l in doc.pop('levels'))
    head = ''.join(f'  {compact(k)}: {compact(v)},\n' for k, v in doc.items())
    with open(f'examples/mappings/eyeriss-vgg16-{layer}-n3.json', 'w') as f:
        f.write(f'{{\n{head}  "levels": [\n{levels}\n  ]\n}}\n')


def main():
    args = [a for a in sys.argv[1:] if a not in ('--write', '--all-q')]
    if not args:
        sys.exit(__doc__)
    for layer in args[1:] or list(LAYERS):
        found, tried = search(args[0], layer, '--all-q' in sys.argv)
        for (words, glb_pj), dram, glb in found[:3]:
            print(f'{layer}: DRAM {dram} GLB {glb}: {words:,.0f} DRAM words, GLB {glb_pj:.4g} pJ')
        print(f'{layer}: {tried} candidates, {len(found)} valid', flush=True)
        if '--write' in sys.argv and found:
            write(layer, found[0][1], found[0][2], int(found[0][0][0]))


if __name__ == '__main__':
    main()
