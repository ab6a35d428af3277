"""Images per second of the synthetic twin's drawing, against the drawing of an earlier revision, in one run.

Draws the same number of 600x450 twin images (JPEG-encoded and written, lower-case copies included) four ways: the
earlier revision's `make_synthetic_ham10000` (read from git, one process, as it drew), the revision that drew with a pool
of processes (one per CPU core, started by spawning; its processes import this checkout's `_draw_twin_images`, the
same drawing as that revision's until the drawing changes), and this checkout's, with one thread and with one thread per CPU
core. Prints images/s and each rate over the baseline's.

    python benchmarks/twin_speed.py [--n-images 200] [--baseline eed4c84] [--processes b692337]
"""
from __future__ import annotations
import argparse, datetime, importlib.util, platform, shutil, subprocess, sys, tempfile, time
from pathlib import Path


def baseline_module(rev: str, tmp: Path, name: str = 'baseline_data'):
    "`skin_cancer_nb.data` as it was at git revision `rev`, imported from a copy (as module `name`)."
    src = subprocess.run(['git', 'show', f'{rev}:skin_cancer_nb/data.py'], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent).stdout
    path = tmp/f'{name}.py'
    path.write_text(src.replace('from .core import', 'from skin_cancer_nb.core import'))
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)
    return module


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--n-images', type=int, default=200, help='images each way draws')
    p.add_argument('--baseline', default='eed4c84', help='git revision whose drawing is the baseline')
    p.add_argument('--processes', default='b692337', help='git revision that drew with a pool of processes')
    args = p.parse_args(argv)
    from skin_cancer_nb import twin as data
    from skin_cancer_nb.core import cpu_count
    tmp = Path(tempfile.mkdtemp(prefix='twin_speed_'))
    try:
        old, pooled = baseline_module(args.baseline, tmp), baseline_module(args.processes, tmp, 'processes_data')
        n = cpu_count()
        ways = {f'{args.baseline} (1 process)': lambda d: old.make_synthetic_ham10000(d, args.n_images, progress=False),
                f'{args.processes}, {n} processes': lambda d: pooled.make_synthetic_ham10000(d, args.n_images, progress=False, workers=n),
                'this checkout, 1 thread': lambda d: data.make_synthetic_ham10000(d, args.n_images, progress=False, workers=1),
                f'this checkout, {n} threads': lambda d: data.make_synthetic_ham10000(d, args.n_images, progress=False, workers=n)}
        rows = []
        for i, (name, draw) in enumerate(ways.items()):
            t0 = time.perf_counter(); draw(tmp/f'twin{i}'); s = time.perf_counter() - t0
            rows.append((name, len(list((tmp/f'twin{i}').glob('HAM10000_images_part_*/*.jpg'))), s))
    finally: shutil.rmtree(tmp)
    print(f"{datetime.date.today()}  {cpu_count()} CPU(s): {platform.processor() or platform.machine()}, Python {sys.version.split()[0]}")
    print(f"{'drawing':<34}{'images':>8}{'seconds':>9}{'images/s':>10}{'vs baseline':>13}")
    for name, n, s in rows: print(f"{name:<34}{n:>8}{s:>9.1f}{n/s:>10.1f}{(n/s)/(rows[0][1]/rows[0][2]):>12.1f}x")
    return 0


if __name__ == '__main__': sys.exit(main())
