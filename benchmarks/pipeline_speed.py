"""Images per second of `skin_cancer_nb.prep.make_dataset` (its `tf.data` and array paths) against the source projects' loader.

The seeds' loader is Keras's `ImageDataGenerator.flow_from_dataframe` (as `tensorflow.keras` still provides it under
Keras 3), the pipeline is `make_dataset`, by its `tf.data` path and by its array path (`pipeline='arrays'`: decoded once
into a uint8 array, batches sliced from it; the path of the backends without TensorFlow), on TensorFlow; all read the same synthetic HAM10000 twin of 600x450 JPEGs, made in a
temporary folder (or `--twin DIR`, kept), in one run. The table gives images/s for loading (decode and resize) and for
training (with augmentation), first and cached epochs, and each rate divided by the seeds' rate for the same task.

    python benchmarks/pipeline_speed.py [--n-images 400] [--size 224] [--batch-size 32] [--repeats 3]
"""
from __future__ import annotations
import argparse, datetime, os, platform, shutil, tempfile
from pathlib import Path

os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')


def cpu_model() -> str:
    "The CPU's model name, from /proc/cpuinfo where there is one."
    try:
        for line in Path('/proc/cpuinfo').read_text().splitlines():
            if line.startswith('model name'): return line.split(':', 1)[1].strip()
    except OSError: pass
    return platform.processor() or 'unknown CPU'


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument('--n-images', type=int, default=400, help='synthetic 600x450 JPEGs to time on')
    p.add_argument('--size', type=int, default=224, help='square image size the loaders resize to')
    p.add_argument('--batch-size', type=int, default=32, help='images per batch')
    p.add_argument('--repeats', type=int, default=3, help='epochs per figure; the median is reported')
    p.add_argument('--no-augment', dest='augment', action='store_false', help='time loading only, not training loaders')
    p.add_argument('--twin', default=None, help='folder for the synthetic twin (kept); default: a temporary folder, removed')
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    from skin_cancer_nb.core import versions
    from skin_cancer_nb.data import load_metadata
    from skin_cancer_nb.twin import make_synthetic_ham10000
    from skin_cancer_nb.prep import benchmark_pipeline
    tmp = None if args.twin else Path(tempfile.mkdtemp(prefix='pipeline_speed_'))
    try:
        twin = make_synthetic_ham10000(args.twin or tmp/'twin', n_images=args.n_images, seed=0, image_size=(600, 450),
                                       lowercase_copies=False, progress=False)
        load = os.getloadavg()[0] if hasattr(os, 'getloadavg') else float('nan')
        table = benchmark_pipeline(load_metadata(twin), image_size=(args.size, args.size), batch_size=args.batch_size,
                                   repeats=args.repeats, augment=args.augment)
    finally:
        if tmp: shutil.rmtree(tmp)
    v = versions()
    print(f"{datetime.date.today()}  {table.attrs['cpus']} CPU(s): {cpu_model()}  load average before: {load:.2f}")
    print(f"TensorFlow {v.get('tensorflow') or v.get('tensorflow-cpu')}, Keras {v.get('keras')}; {table.attrs['n_images']} "
          f"synthetic 600x450 JPEGs -> {args.size}x{args.size}, batches of {args.batch_size}, median of {args.repeats}\n")
    print(table.to_string(index=False))
    ratio = lambda task, epoch, loader='make_dataset': table.vs_seeds[(table.task == task) & (table.epoch == epoch) & (table.loader == loader)].iloc[0]
    print(f"\nloading:  first epoch {ratio('loading', 'first'):.1f}x the seeds' rate (goal 3x), "
          f"cached epochs {ratio('loading', 'cached'):.1f}x (goal 20x)")
    if args.augment:
        print(f"training: first epoch {ratio('training', 'first'):.1f}x, cached epochs {ratio('training', 'cached'):.1f}x "
              "(augmentation on the CPU)")
    tasks = ['loading'] + ['training'] * args.augment
    print('\narray path / tf.data path, same images, same run: ' + ', '.join(
        f"{task} {epoch} {ratio(task, epoch, 'make_dataset, arrays') / ratio(task, epoch):.2f}x" for task in tasks for epoch in ('first', 'cached')))
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
