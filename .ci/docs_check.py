"""Check the documentation site without Quarto, which cannot be installed everywhere.

nbdev builds the site in two steps: it processes the notebooks (runs the cells that `show_doc` needs, turns
directives into Quarto options, writes `_proc/`), then Quarto renders them. This script runs the first step as nbdev
does (`nbdev_proc_nbs`), converts each processed notebook to HTML with nbconvert instead of Quarto, checks each page,
and, where Chromium is installed, takes a screenshot of each page in headless Chromium to look at.

    python .ci/docs_check.py [--out _docs_check]

A page fails when processing it raised an error, when it has no title, or when a cell output shows a traceback.
"""
import argparse, html, re, shutil, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True, **kw)


def page_problems(nb: Path, page: Path) -> list:
    "What is wrong with one processed notebook and its page."
    import json
    cells = json.loads(nb.read_text(encoding='utf-8'))['cells']
    front = ''.join(cells[0]['source']) if cells and cells[0]['cell_type'] == 'raw' else ''
    text = page.read_text(encoding='utf-8')
    problems = []
    if not re.search(r'^title: *\S', front, re.M): problems.append('no title (a first markdown cell "# Title")')
    if 'Traceback (most recent call last)' in html.unescape(text): problems.append('an output shows a traceback')
    return problems


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--out', default='_docs_check', help='folder for the HTML pages and screenshots (replaced)')
    args = p.parse_args(argv)
    out = ROOT/args.out
    shutil.rmtree(out, ignore_errors=True); out.mkdir()
    print('processing the notebooks as nbdev does (nbdev_proc_nbs)')
    run('nbdev_proc_nbs')
    pages = sorted((ROOT/'_proc').glob('*.ipynb'))
    chromium = shutil.which('chromium') or shutil.which('chromium-browser') or shutil.which('google-chrome')
    failed = 0
    for nb in pages:
        run(sys.executable, '-m', 'jupyter', 'nbconvert', '--to', 'html', '--output-dir', str(out), str(nb), '--log-level=WARN')
        page = out/f'{nb.stem}.html'
        problems = page_problems(nb, page)
        if chromium:
            subprocess.run([chromium, '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--window-size=1280,1600',
                            f'--screenshot={out/(nb.stem + ".png")}', page.as_uri()], check=True, capture_output=True, timeout=120)
            if not (out/f'{nb.stem}.png').stat().st_size: problems.append('empty screenshot')
        failed += bool(problems)
        print(f"{nb.stem:24} {'; '.join(problems) or 'ok'}")
    print(f"{len(pages)} pages, {failed} with problems; HTML{' and screenshots' if chromium else ''} in {out}"
          + ('' if chromium else ' (no Chromium: no screenshots)'))
    return 1 if failed or not pages else 0


if __name__ == '__main__':
    raise SystemExit(main())
