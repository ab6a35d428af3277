"""Throughput on whatever accelerator the Keras backend finds (or the CPU): images per second, and seconds per epoch of HAM10000.

Any backend: TensorFlow, or JAX (`KERAS_BACKEND=jax`, as on a GPU machine without TensorFlow or a TPU). On synthetic
images of the real size (600x450 JPEGs, which the pipeline decodes and resizes), it times: the input pipeline alone (the
backend's: `tf.data` on TensorFlow, the array path elsewhere); `efficientnet_lite0` at its registered 150x200, its frozen
backbone's feature extraction, its head on cached features and its fine-tuning (every block, as its recipe does);
ResNet50V2 at 224x224 with its base frozen (the second source project measured 128 s per epoch of this on a Tesla T4),
its head on cached features and its fine-tuning; and `lesion_resnet` at its 112x150. Every model is timed with mixed precision off (float32) and on (float16 on a GPU
that gains from it, bfloat16 on a TPU or a CPU). Random weights cost what ImageNet weights cost, so nothing is
downloaded. Each figure is the median of `--repeats` timings of `--steps` training steps on one batch held in memory,
after two steps that build the graph; seconds per epoch are 10,015 images divided by images per second.

    python benchmarks/gpu.py                 # the real measurement: a few minutes on one modern GPU
    python benchmarks/gpu.py --smoke         # small numbers, to check that it runs (about a minute on two CPU cores)
"""
from __future__ import annotations
import argparse, os, statistics, tempfile, time
from pathlib import Path

os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
HAM10000_IMAGES = 10015


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument('--batch', type=int, default=64, help='images per batch')
    p.add_argument('--steps', type=int, default=20, help='training steps per timing')
    p.add_argument('--repeats', type=int, default=3, help='timings per figure (their median is reported)')
    p.add_argument('--images', type=int, default=512, help='synthetic images for the input pipeline')
    p.add_argument('--smoke', action='store_true', help='tiny sizes and counts, to check that the script runs')
    args = p.parse_args(argv)
    if args.smoke: args.batch, args.steps, args.repeats, args.images = 8, 2, 1, 32
    return args


def _rate(step, n_images: int, steps: int, repeats: int) -> float:
    "Images per second of `step()` (one batch of `n_images`), the median of `repeats` timings of `steps` calls."
    step(); step()  # the graph is built
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(steps): step()
        times.append(time.perf_counter() - t0)
    return n_images * steps / statistics.median(times)


def measure(args) -> list:
    "[(what, precision, images per second)] for every timing."
    import numpy as np, keras
    from skin_cancer_nb.core import detect_hardware, mixed_precision_policy
    from skin_cancer_nb.twin import make_synthetic_ham10000
    from skin_cancer_nb.data import load_metadata
    from skin_cancer_nb.models import build_model, model_spec
    from skin_cancer_nb.prep import make_dataset, pipeline_kind
    from skin_cancer_nb.train import compile_model
    hw = detect_hardware()
    mixed = mixed_precision_policy(hw) if hw.kind != 'CPU' else 'mixed_bfloat16'
    mixed = 'mixed_bfloat16' if mixed == 'float32' else mixed  # a GPU older than the T4: bfloat16 shows what it would give
    size, small, lite = ((64, 64), (48, 64), (48, 64)) if args.smoke else ((224, 224), (112, 150), (150, 200))
    rows, rng = [], np.random.default_rng(0)
    with tempfile.TemporaryDirectory() as tmp:
        twin = make_synthetic_ham10000(Path(tmp)/'twin', n_images=args.images, seed=0, image_size=(120, 90) if args.smoke else (600, 450),
                                       lowercase_copies=False, progress=False)
        t0, n = time.perf_counter(), 0
        ds = make_dataset(load_metadata(twin), lite, args.batch, training=True, cache=False)
        for x, _ in ds: n += len(x)
        rows.append((f'input pipeline at {lite[0]}x{lite[1]}, {pipeline_kind()} (decode, resize, augment)', '-', n / (time.perf_counter() - t0)))
    labels = rng.integers(0, 7, args.batch)
    for policy in ('float32', mixed):
        keras.mixed_precision.set_global_policy(policy)
        try:
            xl = rng.uniform(0, 255, (args.batch, *lite, 3)).astype('float32')
            lite0, spec = build_model('efficientnet_lite0', lite, weights=None), model_spec('efficientnet_lite0')
            extractor, head = spec.head_split(lite0)
            rows.append((f'efficientnet_lite0 {lite[0]}x{lite[1]} feature extraction (once per run)', policy, _rate(lambda: extractor.predict_on_batch(xl), args.batch, args.steps, args.repeats)))
            feats = np.asarray(extractor.predict_on_batch(xl), 'float32')
            compile_model(head)
            rows.append(('efficientnet_lite0 head on cached features', policy, _rate(lambda: head.train_on_batch(feats, labels), args.batch, args.steps, args.repeats)))
            spec.set_trainable(lite0, spec.phases[-1].trainable); compile_model(lite0, lr=1e-4)
            rows.append((f'efficientnet_lite0 {lite[0]}x{lite[1]} fine-tuning ({spec.phases[-1].trainable} blocks)', policy, _rate(lambda: lite0.train_on_batch(xl, labels), args.batch, args.steps, args.repeats)))
            x = rng.uniform(0, 255, (args.batch, *size, 3)).astype('float32')
            net = build_model('resnet50v2', size, weights=None)
            spec = model_spec('resnet50v2')
            spec.set_trainable(net, 'head'); compile_model(net)
            rows.append((f'ResNet50V2 {size[0]}x{size[1]}, frozen base', policy, _rate(lambda: net.train_on_batch(x, labels), args.batch, args.steps, args.repeats)))
            extractor, head = spec.head_split(net)
            rows.append(('ResNet50V2 feature extraction (once per run)', policy, _rate(lambda: extractor.predict_on_batch(x), args.batch, args.steps, args.repeats)))
            feats = np.asarray(extractor.predict_on_batch(x), 'float32')
            compile_model(head)
            rows.append(('ResNet50V2 head on cached features', policy, _rate(lambda: head.train_on_batch(feats, labels), args.batch, args.steps, args.repeats)))
            spec.set_trainable(net, spec.phases[-1].trainable); compile_model(net, lr=1e-4)
            rows.append((f'ResNet50V2 fine-tuning (top {spec.phases[-1].trainable} blocks)', policy, _rate(lambda: net.train_on_batch(x, labels), args.batch, args.steps, args.repeats)))
            xs = rng.uniform(0, 255, (args.batch, *small, 3)).astype('float32')
            cnn = compile_model(build_model('lesion_resnet', small))
            rows.append((f'lesion_resnet {small[0]}x{small[1]}', policy, _rate(lambda: cnn.train_on_batch(xs, labels), args.batch, args.steps, args.repeats)))
        finally: keras.mixed_precision.set_global_policy('float32')
    return rows, hw


def main(argv=None):
    args = parse_args(argv)
    rows, hw = measure(args)
    from skin_cancer_nb.core import versions
    v = versions()
    print(f"Hardware: {hw}; batch {args.batch}; Keras {v['keras']} on {v['keras_backend']} {v.get(v['keras_backend']) or v.get('tensorflow-cpu', '')}"
          + ('; SMOKE RUN: tiny sizes, the figures mean nothing' if args.smoke else ''))
    print('| what | precision | images/s | s per epoch of 10,015 images |\n|---|---|---:|---:|')
    for what, policy, ips in rows: print(f'| {what} | {policy} | {ips:,.0f} | {HAM10000_IMAGES / ips:,.1f} |')
    base = {w: r for w, p, r in rows if p == 'float32'}
    gains = [f'{w}: {r / base[w]:.2f}x' for w, p, r in rows if p not in ('float32', '-') and w in base]
    if gains: print('Mixed precision against float32 (ratio of images/s): ' + '; '.join(gains))


if __name__ == '__main__': main()
