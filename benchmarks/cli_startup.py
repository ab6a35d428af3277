"""How long `skin-cancer-nb` takes to answer the commands a new user types first, against `python -c pass` (the interpreter's own
start) and `import tensorflow` (what every command cost when the command line imported the commands' modules), in one run."""
import argparse, shutil, statistics, subprocess, sys, time

CASES = {  # label: the command line
    'python -c pass': [sys.executable, '-c', 'pass'],
    'skin-cancer-nb --help': ['skin-cancer-nb', '--help'],
    'skin-cancer-nb --version': ['skin-cancer-nb', '--version'],
    'skin-cancer-nb trian (a typo)': ['skin-cancer-nb', 'trian'],
    'skin-cancer-nb train (no DATA_DIR)': ['skin-cancer-nb', 'train'],
    'skin-cancer-nb predict --help': ['skin-cancer-nb', 'predict', '--help'],
    'skin-cancer-nb train --help (lists the models)': ['skin-cancer-nb', 'train', '--help'],
    'python -c "import tensorflow"': [sys.executable, '-c', 'import tensorflow'],
}

def seconds(cmd: list, repeats: int) -> float:
    "The median wall-clock seconds of `repeats` runs of `cmd`."
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter(); subprocess.run(cmd, capture_output=True); times.append(time.perf_counter() - t0)
    return statistics.median(times)

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--repeats', type=int, default=5, help='runs of each command (the median is reported)')
    args = p.parse_args()
    if shutil.which('skin-cancer-nb') is None: sys.exit('skin-cancer-nb is not on PATH: pip install -e . first.')
    base = seconds(CASES['python -c pass'], args.repeats)
    print(f'| command | seconds (median of {args.repeats}) | x `python -c pass` |\n|---|---|---|')
    for label, cmd in CASES.items():
        s = seconds(cmd, args.repeats)
        print(f'| `{label}` | {s:.2f} | {s / base:.1f} |', flush=True)

if __name__ == '__main__': main()
