"""Run the notebooks' tests as `nbdev_test` does (the same notebooks, flags and working folder), printing each notebook as it
finishes with its time and leaving TensorFlow's start-up lines out, so that a long run shows its progress."""
import argparse, os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from nbdev.config import get_config
from nbdev.doclinks import nbglob
from skin_cancer_nb.cli import _TF_NOISE

RUN_ONE = ("import sys; from pathlib import Path; from nbdev.test import test_nb; "
           "ok, _ = test_nb(Path(sys.argv[1]), skip_flags=sys.argv[2].split(), force_flags=sys.argv[3].split(), basepath=sys.argv[4]); "
           "sys.exit(0 if ok else 1)")

def test_one(nb: Path, skip: str, force: str) -> tuple:
    "Test one notebook in its own process: (passed, seconds, what it printed without TensorFlow's noise)."
    t0, cfg = time.time(), get_config()
    r = subprocess.run([sys.executable, '-c', RUN_ONE, str(nb), skip, force, str(cfg.config_path)], cwd=cfg.nbs_path,
                       capture_output=True, text=True, env={'TF_CPP_MIN_LOG_LEVEL': '3'} | os.environ)
    said = '\n'.join(l for l in (r.stdout + r.stderr).splitlines() if not _TF_NOISE.match(l))
    return r.returncode == 0, time.time() - t0, said

def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('paths', nargs='*', help='notebooks or folders (default: every notebook)')
    p.add_argument('--n_workers', type=int, default=2, help='notebooks tested at once (default: 2)')
    p.add_argument('--flags', default='', help='flags of cells to run that are skipped by default, e.g. slow')
    args = p.parse_args(argv)
    cfg = get_config()
    skip = ' '.join(f for f in cfg.tst_flags.split() if f not in args.flags.split())
    found = [[Path(q)] if Path(q).is_file() else nbglob(q, as_path=True) for q in args.paths] or [nbglob(as_path=True)]
    files = sorted({Path(f).absolute() for fs in found for f in fs})
    print(f'testing {len(files)} notebook(s), {args.n_workers} at a time', flush=True)
    t0, failed = time.time(), []
    with ThreadPoolExecutor(args.n_workers) as pool:
        jobs = {pool.submit(test_one, f, skip, args.flags): f for f in files}
        for k, job in enumerate(as_completed(jobs), 1):
            ok, secs, said = job.result()
            print(f'[{k}/{len(files)}] {"ok  " if ok else "FAIL"} {jobs[job].name} ({secs:.0f} s)', flush=True)
            if not ok: failed.append(jobs[job].name); print(said, flush=True)
    print(f'{len(files) - len(failed)} passed, {len(failed)} failed in {time.time() - t0:.0f} s' + (': ' + ', '.join(failed) if failed else ''))
    return 1 if failed else 0

if __name__ == '__main__': sys.exit(main())
