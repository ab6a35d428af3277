"""The README's main job as a user runs it: `skin-cancer-nb run`, with its defaults, on the synthetic twin.

Runs the command in a temporary folder with the user's environment (no `TF_CPP_MIN_LOG_LEVEL`), and fails where its
output has a line of TensorFlow's start-up noise or a traceback, where it takes longer than the README promises, or
where its report does not show a model that learned the twin: the lower end of the test balanced accuracy's 95%
interval must lie above chance (1/7).

    python .ci/main_job.py [--limit 180]
"""
from __future__ import annotations
import argparse, os, re, shutil, subprocess, sys, tempfile, time
from pathlib import Path

NOISE = ('absl', 'cuda', 'cuInit', 'rebuild TensorFlow', 'oneDNN', 'Traceback', 'InvalidArgumentError')


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--limit', type=float, default=180, help='seconds the job may take')
    args = p.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if k not in ('TF_CPP_MIN_LOG_LEVEL', 'SKIN_CANCER_NB_DEBUG')}
    tmp = Path(tempfile.mkdtemp(prefix='main_job_'))
    try:
        t0 = time.perf_counter()
        r = subprocess.run(['skin-cancer-nb', 'run'], cwd=tmp, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - t0
        output = r.stdout + r.stderr
        report = (tmp/'runs'/'main'/'report.md').read_text() if (tmp/'runs'/'main'/'report.md').exists() else ''
    finally: shutil.rmtree(tmp)
    problems = [f'exit status {r.returncode}'] if r.returncode else []
    problems += [f'noise: {l}' for l in output.splitlines() if any(w in l for w in NOISE)]
    if seconds > args.limit: problems.append(f'took {seconds:.0f} s, more than {args.limit:.0f} s')
    m = re.search(r'\| balanced accuracy \| ([\d.]+) \(([\d.]+)-([\d.]+)\)', report)
    if not m: problems.append('the report has no balanced accuracy')
    elif float(m[2]) <= 1/7: problems.append(f'balanced accuracy {m[0]}: its interval reaches down to chance (1/7)')
    print(f"skin-cancer-nb run: {seconds:.0f} s, test balanced accuracy {m[1] if m else '?'} ({m[2] if m else '?'}-{m[3] if m else '?'})")
    for line in problems: print('  ' + line)
    if problems: print(output[-3000:])
    return 1 if problems else 0


if __name__ == '__main__': sys.exit(main())
