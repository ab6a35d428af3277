"""What a new user's environment lacks: install the package as a Colab user gets it, then import what every notebook imports.

A fresh virtual environment gets what runs a notebook anywhere (a Jupyter kernel, `ipykernel`, which Colab has), the
package without extras (from this checkout, in place of the git URL of the notebooks'
first cells), plus whatever those first cells install. Then every module that a code cell of a notebook imports (slow
cells included) is imported in it. An import inside `try: ... except ImportError` is optional and left out. The check
fails, naming the notebook and the import, where a user who pressed "Run all" would meet `ModuleNotFoundError`. An import
of another Keras backend (JAX, PyTorch) inside a function is the package's branch for that backend, which a notebook run on
TensorFlow does not take: left out too.

    python .ci/new_user.py [--venv DIR] [--keep]
"""
from __future__ import annotations
import argparse, ast, json, re, shutil, subprocess, sys, tempfile, venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GIT_URL = 'git+https://github.com/skin-cancer-nb/skin_cancer_nb.git'


def cell_code(source: str) -> str:
    "A cell's Python: nbdev's `#|` directives and IPython's `!`/`%` lines left out."
    return '\n'.join('' if l.lstrip().startswith(('!', '%')) else l for l in source.splitlines())


def _optional(node, parents) -> bool:
    "Whether an import sits in a `try` whose handlers catch ImportError (or ModuleNotFoundError)."
    for p in parents:
        if isinstance(p, ast.Try):
            names = {ast.unparse(h.type) if h.type is not None else 'BaseException' for h in p.handlers}
            if any(n in ('Exception', 'BaseException') or 'ImportError' in n or 'ModuleNotFoundError' in n for n in names) \
               and node in ast.walk(ast.Module(p.body, [])):
                return True
    return False


OTHER_BACKENDS = {'jax', 'torch'}  # imported inside a function only on their own Keras backend: a notebook on TensorFlow never runs them


def _other_backend(node, parents) -> bool:
    "Whether the import is of another Keras backend, inside a function (the package's branches for JAX and PyTorch)."
    mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or '']
    return all(m.split('.')[0] in OTHER_BACKENDS for m in mods) and any(isinstance(p, (ast.FunctionDef, ast.AsyncFunctionDef)) for p in parents)


def notebook_imports(path: Path) -> list:
    "The top-level modules a notebook's code cells import (not the optional ones): [(module, the import as written)]."
    found = []
    for cell in json.loads(path.read_text())['cells']:
        if cell['cell_type'] != 'code': continue
        tree = ast.parse(cell_code(''.join(cell['source'])))
        stack = [(tree, [])]
        while stack:
            node, parents = stack.pop()
            if isinstance(node, (ast.Import, ast.ImportFrom)) and not _optional(node, parents) and not _other_backend(node, parents):
                if isinstance(node, ast.ImportFrom) and (node.level or node.module is None or node.module == '__future__'): continue
                for mod in ([a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]):
                    found.append((mod, ast.unparse(node)))
            stack += [(c, parents + [node]) for c in ast.iter_child_nodes(node)]
    return found


def first_cell_installs(path: Path) -> list:
    "The pip requirements a notebook's first code cell installs, with this checkout in place of the package's git URL."
    first = next((c for c in json.loads(path.read_text())['cells'] if c['cell_type'] == 'code'), None)
    reqs = []
    if first is None: return reqs
    for node in ast.walk(ast.parse(cell_code(''.join(first['source'])))):  # the lists of a `pip install` command
        words = [e.value for e in getattr(node, 'elts', []) if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if 'pip' not in words or 'install' not in words: continue
        for a in words[words.index('install') + 1:]:
            if a.startswith('-'): continue
            if GIT_URL in a:
                extras = re.match(r'skin_cancer_nb(\[[^\]]*\])?', a)
                a = f'{ROOT}{extras.group(1) or ""}' if extras else str(ROOT)
            reqs.append(a)
    return reqs


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--venv', help='where to make the virtual environment (default: a temporary folder)')
    p.add_argument('--keep', action='store_true', help='keep the virtual environment')
    args = p.parse_args(argv)
    notebooks = sorted((ROOT/'nbs').glob('*.ipynb'))
    groups = {}  # what a notebook's first cell installs -> the notebooks: checked with the fewest packages first
    for nb in notebooks: groups.setdefault(tuple(sorted(set(first_cell_installs(nb)) | {str(ROOT), 'ipykernel'})), []).append(nb)
    env = Path(args.venv or tempfile.mkdtemp(prefix='new_user_'))/'venv'
    run_env = {'TF_CPP_MIN_LOG_LEVEL': '3', 'PATH': str(env/'bin'), 'HOME': str(env.parent)}
    try:
        venv.create(env, with_pip=True)
        py, failures, modules = str(env/'bin'/'python'), [], set()
        probe = ("import importlib, json, sys\nbad = {}\nfor m in sys.argv[1:]:\n    try: importlib.import_module(m)\n"
                 "    except ModuleNotFoundError as e: bad[m] = str(e)\nprint(json.dumps(bad))")
        for installs in sorted(groups, key=len):
            print('new user installs:', ' '.join(i.replace(str(ROOT), '.') for i in installs), f'({len(groups[installs])} notebooks)', flush=True)
            subprocess.run([py, '-m', 'pip', 'install', '-q', '--disable-pip-version-check', *installs], check=True)
            wanted = {nb.name: notebook_imports(nb) for nb in groups[installs]}
            mods = sorted({m for found in wanted.values() for m, _ in found})
            modules |= set(mods)
            out = subprocess.run([py, '-c', probe, *mods], capture_output=True, text=True, check=True, env=run_env)
            missing = json.loads(out.stdout.strip().splitlines()[-1])
            failures += [(nb, written, missing[m]) for nb, found in wanted.items() for m, written in found if m in missing]
        for nb, written, why in failures: print(f'{nb}: `{written}` fails for a new user: {why}')
        print(f'new user: {len(modules)} modules imported by {len(notebooks)} notebooks; {len(failures)} imports fail')
        cli = subprocess.run([str(env/'bin'/'skin-cancer-nb'), 'train', '--help'], capture_output=True, text=True, env=run_env)
        versions = subprocess.run([py, '-c', 'import fastcore, keras; print(fastcore.__version__, keras.__version__)'], capture_output=True, text=True).stdout.split()
        print(f"new user: fastcore {versions[0]}, keras {versions[1]}; `skin-cancer-nb train --help` "
              + ('works' if cli.returncode == 0 and '--head-epochs' in cli.stdout else f'fails: {cli.stderr.strip()[-500:]}'))
        return 1 if failures or cli.returncode else 0
    finally:
        if not args.keep: shutil.rmtree(env.parent if not args.venv else env, ignore_errors=True)


if __name__ == '__main__': sys.exit(main())
